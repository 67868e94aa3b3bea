import type { Stage } from './stage';

/** The account the benchmarks log in with (an admin: at least a cashier for every measure). */
export const BENCH_USER = {
  username: 'bench',
  displayName: 'Banc de mesure',
  password: 'bench-password-2026',
} as const;

export const usersStage: Stage = {
  name: 'users',
  run({ db, end, adminPasswordHash }) {
    const at = end.toISOString();
    db.prepare(
      `INSERT INTO users (username, display_name, role, password_hash, active, failed_attempts, locked_until, created_at, updated_at)
       VALUES (?, ?, 'admin', ?, 1, 0, NULL, ?, ?)`,
    ).run(BENCH_USER.username, BENCH_USER.displayName, adminPasswordHash, at, at);
    return { users: 1 };
  },
};
