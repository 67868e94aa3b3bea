import { z } from 'zod';

// Every zod message that reaches a user is in French, the working language of the counter.
z.config(z.locales.fr());

/** A trimmed text with a length bound, the guard against huge strings on every text field. */
export const text = (max: number) => z.string().trim().max(max, `Ce champ ne peut dépasser ${max} caractères.`);
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
