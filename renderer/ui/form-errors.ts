import type { FormErrors } from '@mantine/form';
import { ApiFailure } from '../api';

/**
 * The server's per-field messages, keyed by dotted input path, as Mantine form errors. `rename` maps an input path to
 * the form's own field when they differ (e.g. defaultVatRate → vatRate).
 */
export function serverFieldErrors(error: unknown, rename: Record<string, string> = {}): FormErrors {
  if (!(error instanceof ApiFailure)) return {};
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(error.fields)) errors[rename[path] ?? path] = message;
  return errors;
}
