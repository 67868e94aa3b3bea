import { createHash } from 'node:crypto';
import type https from 'node:https';
import { api, isMethodName, type ApiResult, type ErrorCode } from '../../shared/api';
import { CONTRACT_VERSION } from '../../shared/api/desks';
import { OFFICE_HEADERS, OFFICE_PATHS, versionMismatch } from '../office/protocol';
import { LinkError, postToOffice, type OfficeAnswer } from './https-post';
import type { DeskPairing } from './pairing-file';
import { isCertificateRefusal, pinnedAgent } from './tls';

export interface OfficeLinkOptions {
  /** How long a call that may safely be sent again is retried while the server cannot be reached. */
  retryForMs?: number;
  /** One request's limit, from sending to the whole answer. */
  requestTimeoutMs?: number;
  /** Only tests pretend to be another version. */
  contractVersion?: number;
  log?: (message: string) => void;
}

const failure = (code: ErrorCode, message: string): ApiResult<unknown> => ({ ok: false, error: { code, message } });

const UNREACHABLE = 'Serveur du bureau injoignable : rien n’a été enregistré. Nouvelle tentative possible.';
const UNKNOWN_OUTCOME =
  'Le serveur du bureau n’a pas répondu : vérifiez si l’opération a été enregistrée avant de la refaire.';
const MISMATCH =
  'Le serveur présente un autre certificat que celui enregistré à l’appairage : connexion refusée (rien n’a été envoyé).';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A desk's door to its office server: the same `dispatch(channel, method, input)` as the registry, so the desk's own
 * transports (the web mode's HTTP server here; IPC in the desktop desk later) forward every contract call unchanged.
 * A call that never reached the server is sent again until the server answers or `retryForMs` runs out; one that may
 * have reached it is sent again only when that is harmless: a read, or a write with an idempotency key (a payment is
 * then recorded exactly once).
 */
export class OfficeLink {
  private readonly agent: https.Agent;
  private readonly retryForMs: number;
  private readonly requestTimeoutMs: number;
  private readonly version: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly pairing: DeskPairing,
    options: OfficeLinkOptions = {},
  ) {
    this.agent = pinnedAgent(pairing.certificate, pairing.fingerprint);
    this.retryForMs = options.retryForMs ?? 30_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.version = options.contractVersion ?? CONTRACT_VERSION;
    this.log = options.log ?? ((message) => console.error(message));
  }

  get deskName(): string {
    return this.pairing.name;
  }

  async dispatch(channel: string, name: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (!isMethodName(name)) return failure('UNKNOWN_METHOD', 'Opération inconnue.');
    const repeatable = !api[name].mutates || hasIdempotencyKey(input);
    const session = createHash('sha256').update(channel).digest('hex').slice(0, 40);
    const body = JSON.stringify(input ?? null);
    const deadline = Date.now() + this.retryForMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return this.read(await this.post(`${OFFICE_PATHS.api}${name}`, body, session));
      } catch (error) {
        if (!(error instanceof LinkError)) throw error;
        if (isCertificateRefusal(error.reason)) return failure('DESK_REFUSED', MISMATCH);
        if (error.sent && !repeatable) return failure('UNAVAILABLE', UNKNOWN_OUTCOME);
        if (Date.now() >= deadline) return failure('UNAVAILABLE', error.sent ? UNKNOWN_OUTCOME : UNREACHABLE);
        this.log(`${name}: serveur injoignable (${error.message}), nouvelle tentative`);
        await sleep(Math.min(2_000, 100 * 2 ** attempt));
      }
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private read(answer: OfficeAnswer): ApiResult<unknown> {
    const mismatch = versionMismatch(this.version, answer.version, 'server');
    if (mismatch && answer.status !== 409) return failure('INCOMPATIBLE_VERSION', mismatch);
    try {
      return JSON.parse(answer.body) as ApiResult<unknown>;
    } catch {
      return failure('INTERNAL', `Réponse illisible du serveur du bureau (HTTP ${answer.status}).`);
    }
  }

  private post(path: string, body: string, session: string): Promise<OfficeAnswer> {
    const headers = {
      [OFFICE_HEADERS.credential]: this.pairing.credential,
      [OFFICE_HEADERS.contract]: String(this.version),
      [OFFICE_HEADERS.session]: session,
    };
    return postToOffice(new URL(path, this.pairing.server), this.agent, headers, body, this.requestTimeoutMs);
  }
}

function hasIdempotencyKey(input: unknown): boolean {
  const key =
    typeof input === 'object' && input !== null ? (input as { idempotencyKey?: unknown }).idempotencyKey : null;
  return typeof key === 'string';
}
