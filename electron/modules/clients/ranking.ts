import type { ClientHit } from '../../../shared/api/clients';
import { searchWords } from '../../../shared/search-text';
import type { SearchPlan } from '../../db/dialect/client-search';

/**
 * Orders the few candidates the index returned: an identifier match first, then names where every typed word is a
 * whole word, then where every typed word starts a word, then fragments; shorter names before longer ones.
 */
export function rankHits(hits: ClientHit[], plan: SearchPlan, query: string): ClientHit[] {
  if (plan.kind !== 'words') return hits;
  const typed = searchWords(query);
  const score = (hit: ClientHit) => {
    const words = searchWords(hit.displayName);
    if (typed.every((t) => words.includes(t))) return 0;
    if (typed.every((t) => words.some((w) => w.startsWith(t)))) return 1;
    return 2;
  };
  return hits
    .map((hit) => ({ hit, score: score(hit) }))
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.hit.displayName.length - b.hit.displayName.length ||
        a.hit.displayName.localeCompare(b.hit.displayName, 'fr'),
    )
    .map((r) => r.hit);
}
