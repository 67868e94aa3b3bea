import { describe, expect, it } from 'vitest';
import { clientInputSchema } from './client';
import { companySettingsSchema } from './company';
import { expectedRibKey } from './identifiers';
import { compactIdentifier } from './validation';
import { validCompany } from '../test/support/fixtures';

const ribBody = '0117800000012345678901';
const rib = ribBody + expectedRibKey(ribBody);

describe('identifiers as pasted', () => {
  it('takes out spaces, dots and dashes (no-break spaces too)', () => {
    expect(compactIdentifier(' 002.871-465\u00a0000 038 ')).toBe('002871465000038');
  });

  it('reads a spaced ICE, IF and RC of a client instead of refusing their length', () => {
    const parsed = clientInputSchema.parse({
      kind: 'company',
      companyName: 'Zellige Média',
      legalForm: 'SARL',
      ice: '002 871 465 000 038',
      ifNumber: '40.123.456',
      rcNumber: '345-678',
      phones: ['0535 62 41 10'],
    });
    expect(parsed).toMatchObject({ ice: '002871465000038', ifNumber: '40123456', rcNumber: '345678' });
    expect(
      clientInputSchema.parse({
        kind: 'individual',
        firstName: 'A',
        lastName: 'B',
        cin: 'be 123-456',
        emails: ['a@b.ma'],
      }),
    ).toMatchObject({ cin: 'BE123456' });
  });

  it('keeps the key of a RIB pasted in groups', () => {
    const grouped = `${rib.slice(0, 3)} ${rib.slice(3, 6)} ${rib.slice(6, 22)} ${rib.slice(22)}`;
    expect(companySettingsSchema.parse({ ...validCompany, rib: grouped }).rib).toBe(rib);
    // Without its key the RIB is refused for what is missing, never for its spaces.
    const keyless = companySettingsSchema.safeParse({ ...validCompany, rib: grouped.slice(0, -3) });
    expect(keyless.error?.issues[0]?.message).toBe('Le RIB doit comporter 24 chiffres (ici 22).');
  });
});
