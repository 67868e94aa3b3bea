import type { ClientInput } from '../shared/client';
import { ClientGenerator } from './client-generator';
import { Prng } from './prng';

/**
 * The clients of the demo office: a realistic mix for a Casablanca hosting company (about 70 % individuals, some
 * written in Arabic script, some foreigners with accented French names; about 30 % companies with their ICE, RC and IF).
 * The same seed gives the same clients, so screenshots, tests and the demo stay the same.
 */
export function demoClients(count = 300, seed = 2026): ClientInput[] {
  const generator = new ClientGenerator(new Prng(seed), { companyShare: 0.3, consentSource: 'counter' });
  return Array.from({ length: count }, () => generator.next());
}
