import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, fillTemplate, templateFor, TEMPLATE_KINDS, unknownVariables } from './mail-templates';

describe('e-mail templates', () => {
  it('fills the variables it knows, with or without spaces, and prints the missing ones empty', () => {
    expect(
      fillTemplate('Bonjour {{client}}, proforma {{ number }} : {{amount}}.', { client: 'Sara', number: 'PF-1' }),
    ).toBe('Bonjour Sara, proforma PF-1 : .');
  });

  it('names the variables that do not exist, for the editor', () => {
    expect(unknownVariables('{{client}} {{montant}} {{ numero }} {{client}}')).toEqual(['montant', 'numero']);
    for (const kind of TEMPLATE_KINDS) {
      for (const language of ['fr', 'en'] as const) {
        const { subject, body } = DEFAULT_TEMPLATES[kind][language];
        expect(unknownVariables(subject + body), `${kind} ${language}`).toEqual([]);
      }
    }
  });

  it('writes in the client’s language when its template exists, in French otherwise', () => {
    const renewal = DEFAULT_TEMPLATES.renewal_proforma;
    expect(templateFor(renewal, 'en').subject).toMatch(/^Renewal/);
    expect(templateFor(renewal, 'ar')).toBe(renewal.fr);
    expect(templateFor(renewal, 'de')).toBe(renewal.fr);
    const arabic = { ...renewal, ar: { subject: 'تجديد خدماتكم', body: 'مرحبا {{client}}' } };
    expect(templateFor(arabic, 'ar').subject).toBe('تجديد خدماتكم');
  });
});
