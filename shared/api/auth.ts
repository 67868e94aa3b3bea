import { z } from 'zod';
import type { Role } from '../roles';
import { ROLES } from '../roles';
import { requiredText } from '../validation';
import { method } from './contract';

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, "L'identifiant doit comporter 3 à 32 caractères : lettres, chiffres, . _ -");
/** OWASP: at least 8 characters, long passphrases allowed; bounded so a huge string cannot stall the hash. */
export const newPassword = z
  .string()
  .min(8, 'Le mot de passe doit comporter au moins 8 caractères.')
  .max(128, 'Le mot de passe ne peut dépasser 128 caractères.')
  .refine((text) => text.trim().length >= 8, 'Le mot de passe doit comporter au moins 8 caractères hors espaces.');
const password = z.string().min(1, 'Saisissez le mot de passe.').max(128);
export const role = z.enum(ROLES, { message: 'Rôle inconnu.' });

export interface StaffDto {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** ISO instant until which the account is locked after failed logins, or null. */
  lockedUntil: string | null;
  failedAttempts: number;
  createdAt: string;
}

export interface SessionInfo {
  user: StaffDto;
  /** True when the app locked itself after the idle time: the password is asked again. */
  locked: boolean;
  idleLockMinutes: number;
}

export interface AuthStatus {
  /** No staff account exists yet: the first run asks for the administrator. */
  setupNeeded: boolean;
  session: SessionInfo | null;
}

const empty = z.object({}).strict();

export const authApi = {
  'auth.status': method<AuthStatus>()({ input: empty, access: 'public', mutates: false }),
  'auth.setupAdmin': method<SessionInfo>()({
    input: z.object({ username, displayName: requiredText(80), password: newPassword }).strict(),
    access: 'public',
    mutates: true,
  }),
  'auth.login': method<SessionInfo>()({
    input: z
      .object({ username: z.string().trim().toLowerCase().min(1, "Saisissez l'identifiant.").max(32), password })
      .strict(),
    access: 'public',
    mutates: true,
  }),
  'auth.logout': method<null>()({ input: empty, access: 'public', mutates: true }),
  'auth.lock': method<null>()({ input: empty, access: 'public', mutates: false }),
  'auth.unlock': method<SessionInfo>()({ input: z.object({ password }).strict(), access: 'public', mutates: true }),
  /** Keeps the session awake while the person is working on a form. */
  'auth.ping': method<null>()({ input: empty, access: 'cashier', mutates: false }),
  'auth.changePassword': method<null>()({
    input: z.object({ currentPassword: password, newPassword }).strict(),
    access: 'cashier',
    mutates: true,
  }),
};
