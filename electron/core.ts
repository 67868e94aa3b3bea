import { Registry, type Logger } from './api/registry';
import { systemClock, type Clock } from './clock';
import { openDatabase } from './db/data-source';
import { Database } from './db/database';
import { registerAuditHandlers } from './modules/audit/handlers';
import { healthyRuntime, registerBackupHandlers, type BackupRuntime } from './modules/backup/handlers';
import { backupBeforeMigrating } from './modules/backup/pre-migration';
import { BackupService } from './modules/backup/service';
import { registerAuthHandlers } from './modules/auth/handlers';
import { registerCatalogHandlers, seedCatalogueIfEmpty } from './modules/catalog/handlers';
import { registerServiceHandlers } from './modules/services/handlers';
import { registerOutsourcingHandlers } from './modules/outsourcing/handlers';
import { registerDocumentHandlers } from './modules/documents/handlers';
import { registerPaymentHandlers } from './modules/payments/handlers';
import { registerCashHandlers } from './modules/cash/handlers';
import { registerAutomationHandlers } from './modules/automation/handlers';
import { registerMailHandlers } from './modules/mail/handlers';
import { registerReportHandlers } from './modules/reports/handlers';
import { registerEinvoiceHandlers } from './modules/einvoice/handlers';
import { registerClientDataHandlers } from './modules/clients/data-handlers';
import { registerClientHandlers } from './modules/clients/handlers';
import { clientInputSchema } from '../shared/client';
import { SessionStore } from './modules/auth/sessions';
import { registerSettingsHandlers, readSecurity } from './modules/settings/handlers';
import { registerStaffHandlers } from './modules/staff/handlers';
import { registerDeskHandlers } from './modules/desks/handlers';
import { DeskService, type OfficeIdentity } from './modules/desks/service';
import { registerPrintingHandlers } from './modules/printing/handlers';
import type { DeskPrinter } from './modules/printing/printer';

/** Everything both transports serve: the database and the registry of handlers. No Electron in here. */
export interface Core {
  registry: Registry;
  db: Database;
  sessions: SessionStore;
  backups: BackupService;
  /** The paired desks, when this core serves an office (electron/office). */
  desks: DeskService;
  close(): Promise<void>;
}

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** Shared with the host (modules/backup/host.ts): the database's health and how to restore. */
  backupRuntime?: BackupRuntime;
  /** A verified backup before migrations change a database that holds data; off only for throwaway copies. */
  backupBeforeMigrating?: boolean;
  /** Set when this core is an office server's: where desks reach it (pairing codes are given only then). */
  office?: OfficeIdentity | null;
  /** The desk's printers (the desktop app); absent in web mode. */
  printer?: DeskPrinter;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const { dataDir, clock = systemClock, log, backupRuntime = healthyRuntime() } = options;
  const beforeMigrating = options.backupBeforeMigrating === false ? undefined : backupBeforeMigrating(dataDir, clock);
  const db = new Database(await openDatabase(dataDir, { beforeMigrating }), clock);
  const sessions = new SessionStore(0);
  sessions.setIdleLockMinutes((await readSecurity(db)).idleLockMinutes);
  const registry = new Registry(sessions, clock, log);
  const deps = { db, sessions, clock };
  registerAuthHandlers(registry, deps);
  registerStaffHandlers(registry, deps);
  registerSettingsHandlers(registry, deps);
  registerAuditHandlers(registry, deps);
  registerClientHandlers(registry, deps);
  registerClientDataHandlers(registry, {
    ...deps,
    demoClients: async () =>
      (await import('../seeds/demo-office')).demoClients().map((c) => clientInputSchema.parse(c)),
  });
  registerCatalogHandlers(registry, deps);
  registerServiceHandlers(registry, deps);
  registerOutsourcingHandlers(registry, deps);
  registerDocumentHandlers(registry, deps);
  registerPaymentHandlers(registry, deps);
  registerCashHandlers(registry, deps);
  registerAutomationHandlers(registry, deps);
  registerMailHandlers(registry, deps);
  registerReportHandlers(registry, deps);
  registerEinvoiceHandlers(registry, deps);
  registerPrintingHandlers(registry, { ...deps, dataDir, printer: options.printer });
  const backups = new BackupService({ db, dataDir, clock, log: (message) => (log ?? console.error)(message, null) });
  registerBackupHandlers(registry, { db, backups, runtime: backupRuntime, dataDir });
  const desks = new DeskService(db, clock, options.office ?? null);
  registerDeskHandlers(registry, desks);
  registry.assertComplete();
  await seedCatalogueIfEmpty(db);
  return { registry, db, sessions, backups, desks, close: () => db.close() };
}
