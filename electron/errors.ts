import type { ApiError, ErrorCode } from '../shared/api';

/** An expected failure of a use case: crosses the boundary as an error value with its French message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

/** A validation error on one field of the input, its message shown both on the field and as the summary. */
export const fieldError = (field: string, message: string) => new AppError('VALIDATION', message, { [field]: message });

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} introuvable.`);
