import {
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
  type UseQueryResult,
  type UseMutationResult,
} from '@tanstack/react-query';
import type { ApiError, ApiResult, Input, MethodName, Output } from '../shared/api';
import type { GuichetBridge } from '../shared/api/bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in web mode (the browser talks HTTP to 127.0.0.1). */
    guichet?: GuichetBridge;
  }
}

// French like every message the main process sends: the UI shows error messages as given.
const TRANSPORT_FAILURE = "Le service Guichet ne répond pas. Vérifiez qu'il est lancé, puis réessayez.";

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return 'error' in value && typeof value.error === 'object' && value.error !== null;
}

/**
 * The one typed door to the main process: Electron IPC when the preload is there, same-origin HTTP otherwise.
 * Never throws: a transport failure comes back as an INTERNAL error value.
 */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<ApiResult<Output<M>>> {
  let raw: unknown;
  try {
    const bridge = window.guichet;
    if (bridge) {
      raw = await bridge.invoke(method, input);
    } else {
      const response = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      });
      raw = await response.json();
    }
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: TRANSPORT_FAILURE } };
  }
  if (!isApiResult(raw)) return { ok: false, error: { code: 'INTERNAL', message: TRANSPORT_FAILURE } };
  return raw as ApiResult<Output<M>>;
}

/** An error value turned into an exception, for TanStack Query and form submit handlers. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }

  get code() {
    return this.error.code;
  }

  get fields(): Record<string, string> {
    return this.error.fields ?? {};
  }
}

/** The message to show for anything a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  return TRANSPORT_FAILURE;
}

type GlobalErrorListener = (error: ApiError, method: MethodName) => void;
let globalErrorListener: GlobalErrorListener = () => undefined;

/**
 * The session layer listens here: SESSION_LOCKED shows the lock screen, UNAUTHENTICATED goes back to login,
 * whatever screen made the call.
 */
export function setGlobalErrorListener(listener: GlobalErrorListener): () => void {
  globalErrorListener = listener;
  return () => {
    if (globalErrorListener === listener) globalErrorListener = () => undefined;
  };
}

const GLOBAL_CODES = new Set<ApiError['code']>(['SESSION_LOCKED', 'UNAUTHENTICATED']);

/** Calls and unwraps: resolves with the value, or routes global errors and throws an ApiFailure. */
export async function request<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await call(method, input);
  if (result.ok) return result.value;
  if (GLOBAL_CODES.has(result.error.code)) globalErrorListener(result.error, method);
  throw new ApiFailure(result.error);
}

export const queryKey = <M extends MethodName>(method: M, input?: Input<M>) =>
  input === undefined ? ([method] as const) : ([method, input] as const);

type QueryOptions<M extends MethodName> = Omit<UseQueryOptions<Output<M>, ApiFailure>, 'queryKey' | 'queryFn'>;

/** A read through the typed client, cached under [method, input]. */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: QueryOptions<M> = {},
): UseQueryResult<Output<M>, ApiFailure> {
  return useQuery<Output<M>, ApiFailure>({
    queryKey: queryKey(method, input),
    queryFn: () => request(method, input),
    ...options,
  });
}

type MutationOptions<M extends MethodName> = Omit<UseMutationOptions<Output<M>, ApiFailure, Input<M>>, 'mutationFn'>;

/** A write through the typed client. */
export function useApiMutation<M extends MethodName>(
  method: M,
  options: MutationOptions<M> = {},
): UseMutationResult<Output<M>, ApiFailure, Input<M>> {
  return useMutation<Output<M>, ApiFailure, Input<M>>({
    mutationFn: (input) => request(method, input),
    ...options,
  });
}
