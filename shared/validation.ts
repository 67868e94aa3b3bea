import { z } from 'zod';

// Every zod message that reaches a user is in French, the working language of the counter.
z.config(z.locales.fr());

/** A trimmed text with a length bound, the guard against huge strings on every text field. */
export const text = (max: number) => z.string().trim().max(max, `Ce champ ne peut dépasser ${max} caractères.`);
export const requiredText = (max: number) => text(max).min(1, 'Ce champ est obligatoire.');
/** An optional text field: empty means absent. */
export const optionalText = (max: number) => text(max).default('');

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
