import { z } from 'zod';
import { isCalendarDate } from './periods';

// Every zod message that reaches a user is in French, the working language of the counter.
z.config(z.locales.fr());

/**
 * Control characters (NUL, U+0001…, DEL; tab and line breaks stay) and the bidi overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that could hide or reorder what a document, an export or the screen shows.
 */
// eslint-disable-next-line no-control-regex -- these are the characters removed
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Free text as it may be stored: without the characters above. */
export function withoutUnsafeCharacters(value: string): string {
  return value.replace(UNSAFE_CHARACTERS, '');
}

/**
 * A trimmed text with a length bound, the guard against huge strings on every text field; control characters and bidi
 * overrides are stripped first, so they never reach the database, a PDF or an export.
 */
export const text = (max: number) =>
  z.string().overwrite(withoutUnsafeCharacters).trim().max(max, `Ce champ ne peut dépasser ${max} caractères.`);
export const requiredText = (max: number) => text(max).min(1, 'Ce champ est obligatoire.');
/** An optional text field: empty means absent. */
export const optionalText = (max: number) => text(max).default('');

/**
 * An identifier as it is pasted ("011 780 0000 1234 5678 9012 87", "001.234.567-000089"): spaces, dots and dashes are
 * taken out before the length and the checks, so a spaced ICE or RIB is read, never cut or refused for its spaces.
 */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.\-\u00a0\u202f]/g, '');
}
export const identifierText = (max: number) => z.string().transform(compactIdentifier).pipe(text(max)).default('');
export const requiredIdentifier = (max: number) => z.string().transform(compactIdentifier).pipe(requiredText(max));

/** A zod refinement from one of the shared validators that return a French message or null. */
export function checkedBy(validate: (value: string) => string | null) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (value === '') return;
    const message = validate(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  };
}

/** Turns zod issues into the `fields` map of an API error: dotted path → first message. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * A date a person types (a transfer's value date…): a calendar date not before 2000 nor more than a year after today,
 * so that a slip of the keyboard (2062, 1926) is caught at the counter instead of reaching a report.
 */
export const typedDate = z
  .string()
  .refine(isCalendarDate, 'Date attendue au format AAAA-MM-JJ.')
  .refine((date) => {
    const now = new Date();
    const yearAhead = `${now.getUTCFullYear() + 1}${now.toISOString().slice(4, 10)}`;
    return date >= '2000-01-01' && date <= yearAhead;
  }, 'Date hors de la plage admise : de 2000 à un an d’ici au plus.');
