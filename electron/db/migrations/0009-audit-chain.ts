import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainAuditLog } from '../dialect/audit-chain';

/** The tamper-evident audit log: every entry hash-chained to the previous one, the entries already written included. */
export class AuditChain0009 implements MigrationInterface {
  name = 'AuditChain0000000000009';

  async up(q: QueryRunner): Promise<void> {
    await chainAuditLog(q);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
