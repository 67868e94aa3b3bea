import type { z } from 'zod';
import type { Role } from '../roles';

/** Who may call a method: anyone on the transport ('public') or a logged-in, unlocked staff member with at least this role. */
export type Access = 'public' | Role;

export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'READ_ONLY',
  'INTERNAL',
  /** Office server and desks (issue 18): the desk is not paired, revoked, or the server is not the one paired. */
  'DESK_REFUSED',
  /** The office server cannot be reached (the desk retries what it safely can). */
  'UNAVAILABLE',
  /** A desk and a server of different contract versions. */
  'INCOMPATIBLE_VERSION',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** A French sentence fit to show to the user as is. */
  message: string;
  /** Per-field messages, keyed by the dotted path of the input field. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** True when the method changes data: it then runs in the writer queue and must leave an audit entry. */
  mutates: boolean;
  /** Phantom: carries the output type only. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; mutates: boolean }): MethodDef<I, O> => def;
}
