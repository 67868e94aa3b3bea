import type { EntityManager } from 'typeorm';
import { UserEntity } from '../../db/entities';
import { findRows } from '../../db/rows';

/**
 * Staff members' display names for the usernames a record keeps (who received, voided, approved, counted): screens and
 * printed papers name people, the username stays the key. An unknown username is shown as it is.
 */
export function staffNames(em: EntityManager, usernames: readonly (string | null)[]): Record<string, string> {
  const wanted = [...new Set(usernames.filter((u) => u !== null))];
  return Object.fromEntries(findRows(em, UserEntity, { username: wanted }).map((u) => [u.username, u.displayName]));
}
