import type { ApiResult, MethodName, Output, ParsedInput } from '../../shared/api';
import { api, isMethodName } from '../../shared/api';
import { roleAtLeast, type Role } from '../../shared/roles';
import { fieldErrors } from '../../shared/validation';
import type { Clock } from '../clock';
import type { Actor } from '../db/database';
import { AppError } from '../errors';
import type { Session, SessionStore } from '../modules/auth/sessions';

const ROLE_LABEL: Record<Role, string> = { cashier: 'caissier', manager: 'responsable', admin: 'administrateur' };

export interface CallContext {
  /** The transport's identity for the caller: one Electron window, or one browser in web mode. */
  channel: string;
  /** The caller's session; never null (and never locked) for methods that require a role. */
  session: Session | null;
  actor: Actor;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>>;
type AnyHandler = (input: unknown, ctx: CallContext) => Promise<unknown>;

export type Logger = (message: string, error: unknown) => void;

/**
 * The one door into the main process. Both transports hand it (channel, method, input as unknown) and get an
 * ApiResult back: it checks the method exists, the session and role, parses the input with the shared schema, runs the
 * handler, and turns every failure into an error value.
 */
export class Registry {
  private readonly handlers = new Map<MethodName, AnyHandler>();

  constructor(
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
    private readonly log: Logger = (message, error) => console.error(message, error),
  ) {}

  register<M extends MethodName>(name: M, handler: Handler<M>): void {
    if (this.handlers.has(name)) throw new Error(`Handler for "${name}" registered twice`);
    this.handlers.set(name, handler as AnyHandler);
  }

  /** Every method of the contract has its handler: checked once at start-up. */
  assertComplete(): void {
    const missing = Object.keys(api).filter((name) => !this.handlers.has(name as MethodName));
    if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`);
  }

  /** `desk`: the paired office desk the call came from (electron/office), recorded with the actor in the audit log. */
  async dispatch(channel: string, name: unknown, input: unknown, desk?: string): Promise<ApiResult<unknown>> {
    try {
      return { ok: true, value: await this.call(channel, name, input, desk) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toApiError() };
      this.log(`Method ${typeof name === 'string' ? name.slice(0, 60) : '?'} failed`, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: "Une erreur inattendue s'est produite ; rien n'a été enregistré." },
      };
    }
  }

  private async call(channel: string, name: unknown, input: unknown, desk: string | undefined): Promise<unknown> {
    const handler = isMethodName(name) ? this.handlers.get(name) : undefined;
    if (!isMethodName(name) || !handler) throw new AppError('UNKNOWN_METHOD', 'Opération inconnue.');
    const def = api[name];
    const now = this.clock.now().getTime();
    const session = this.sessions.current(channel, now);
    if (def.access !== 'public') {
      if (!session) throw new AppError('UNAUTHENTICATED', 'Veuillez vous connecter.');
      if (session.locked) throw new AppError('SESSION_LOCKED', 'Session verrouillée : saisissez votre mot de passe.');
      if (!roleAtLeast(session.role, def.access)) {
        throw new AppError('FORBIDDEN', `Votre rôle (${ROLE_LABEL[session.role]}) ne permet pas cette opération.`);
      }
      this.sessions.touch(session, now);
    }
    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      throw new AppError('VALIDATION', 'Certaines informations sont invalides : corrigez les champs signalés.', fields);
    }
    const actor: Actor = session
      ? { userId: session.userId, username: session.username, desk }
      : { userId: null, username: null, desk };
    return handler(parsed.data, { channel, session, actor });
  }
}
