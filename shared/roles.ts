/** Staff roles, from least to most privileged: each role can do everything the ones before it can. */
export const ROLES = ['cashier', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
