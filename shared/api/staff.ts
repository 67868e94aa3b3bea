import { z } from 'zod';
import { requiredText } from '../validation';
import type { StaffDto } from './auth';
import { newPassword, role, username } from './auth';
import { method } from './contract';

const id = z.number().int().positive();

export const staffApi = {
  'staff.list': method<StaffDto[]>()({ input: z.object({}).strict(), access: 'manager', mutates: false }),
  'staff.create': method<StaffDto>()({
    input: z.object({ username, displayName: requiredText(80), role, password: newPassword }).strict(),
    access: 'admin',
    mutates: true,
  }),
  'staff.update': method<StaffDto>()({
    input: z.object({ id, displayName: requiredText(80), role, active: z.boolean() }).strict(),
    access: 'admin',
    mutates: true,
  }),
  'staff.resetPassword': method<null>()({
    input: z.object({ id, password: newPassword }).strict(),
    access: 'admin',
    mutates: true,
  }),
  /** Lifts the lock after too many failed logins. */
  'staff.unlock': method<StaffDto>()({ input: z.object({ id }).strict(), access: 'manager', mutates: true }),
};
