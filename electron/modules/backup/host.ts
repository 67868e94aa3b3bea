import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../../../shared/api';
import type { BackupRef, RestoreResultDto } from '../../../shared/api/backup';
import type { Logger } from '../../api/registry';
import type { OfficeIdentity } from '../desks/service';
import { systemClock, type Clock } from '../../clock';
import { openCore, type Core } from '../../core';
import { DATABASE_FILE, DatabaseTooNewError } from '../../db/data-source';
import type { Actor } from '../../db/database';
import { AppError } from '../../errors';
import { installDatabase, RunMarker, setAsideDamaged } from './database-files';
import { healthyRuntime, type BackupRuntime } from './handlers';
import { checkRecoveryRequest, recoveryOptions } from './recovery';
import { restoreInto } from './restore';
import { BackupSchedule } from './schedule';
import { inspectFile } from './snapshot';
import type { DeskPrinter } from '../printing/printer';

export interface HostOptions {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** Automatic backups at start-up and every day (the desktop and web apps); off in tests that drive them by hand. */
  schedule?: boolean;
  /** An office server's address and certificate fingerprint (electron/server.ts). */
  office?: OfficeIdentity;
  /** The desk's printers (the desktop app), handed to every core. */
  printer?: DeskPrinter;
}

/** Work that lives with the open core (the billing run, the outbox): started on each core, stopped before it closes. */
export type Companion = (core: Core) => { stop(): Promise<void> };

type Mode = { kind: 'ready'; core: Core } | { kind: 'switching'; message: string } | { kind: 'recovery' };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const failure = (error: AppError): ApiResult<unknown> => ({ ok: false, error: error.toApiError() });
const HEALTHY = { state: 'ok', problem: null, check: null, uncleanShutdown: false } as const;

/**
 * What both transports talk to instead of one core: it owns the open database and may replace it. It starts the app
 * (noting an unclean shutdown, checking the database in the background), restores a backup (closing the core, putting
 * the file in place, opening a new core on it), and when the database is damaged serves the recovery screen instead of
 * failing to start again and again.
 */
export class AppHost {
  private mode: Mode = { kind: 'recovery' };
  private inFlight = 0;
  private readonly drained: (() => void)[] = [];
  readonly runtime: BackupRuntime = healthyRuntime();
  private readonly marker: RunMarker;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly schedule: BackupSchedule;
  private closing = false;
  private readonly companions: Companion[] = [];
  private running: { stop(): Promise<void> }[] = [];
  /** The start-up integrity check, under way in the background (the counter opens at once); tests wait for it. */
  startupCheck: Promise<void> = Promise.resolve();

  private constructor(private readonly options: HostOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? ((message, error) => console.error(message, error ?? ''));
    this.marker = new RunMarker(options.dataDir);
    this.schedule = new BackupSchedule(
      () => this.core,
      this.clock,
      (message) => this.log(message, null),
    );
    this.runtime.restorer = (ref, actor) => this.restore(ref, actor);
  }

  /** Opens the app on its data folder. Throws only when it cannot run at all (a database from a newer version). */
  static async start(options: HostOptions): Promise<AppHost> {
    const host = new AppHost(options);
    const unclean = host.marker.leftBehind;
    if (unclean) host.log(`Unclean shutdown detected: ${JSON.stringify(host.marker.previous())}`, null);
    mkdirSync(options.dataDir, { recursive: true });
    host.marker.write(host.clock.now());
    const check = unclean ? 'full' : 'quick';
    host.runtime.health = { state: 'checking', problem: null, check, uncleanShutdown: unclean };
    try {
      host.mode = { kind: 'ready', core: await host.openCore() };
    } catch (error) {
      if (error instanceof DatabaseTooNewError) {
        host.marker.remove();
        throw error;
      }
      host.log('Opening the database failed', error);
      host.enterRecovery(`La base de données ne peut pas être ouverte : ${messageOf(error)}`);
      return host;
    }
    host.startupCheck = host.checkAtStartup(check).catch((error: unknown) => host.log('Start-up check failed', error));
    return host;
  }

  get core(): Core | null {
    return this.mode.kind === 'ready' ? this.mode.core : null;
  }

  /** Starts `companion` on the open core now and on every core opened after a restore. */
  attach(companion: Companion): void {
    this.companions.push(companion);
    if (this.core) this.running.push(companion(this.core));
  }

  private async stopCompanions(): Promise<void> {
    const running = this.running.splice(0);
    await Promise.all(running.map((c) => c.stop().catch((error: unknown) => this.log('Stopping failed', error))));
  }

  private openCore(): Promise<Core> {
    const { dataDir, log, office, printer } = this.options;
    return openCore({ dataDir, clock: this.clock, log, backupRuntime: this.runtime, office, printer });
  }

  private async checkAtStartup(check: 'quick' | 'full'): Promise<void> {
    const file = path.join(this.options.dataDir, DATABASE_FILE);
    const { inspected, refusal } = await inspectFile(file, check, false);
    // Quitting does not wait for the check (up to seconds on a large office): its answer then goes nowhere.
    if (this.closing) return;
    if (inspected?.integrity[0] === 'ok') {
      this.runtime.health = { ...this.runtime.health, state: 'ok' };
      if (this.options.schedule) this.schedule.start();
      return;
    }
    const problem = `Le contrôle d'intégrité de la base a échoué : ${refusal ?? 'base illisible'}.`;
    this.log(problem, null);
    // Writing on into a damaged file can only spread the damage: the core closes, the recovery screen takes over.
    await this.exclusive(
      'Contrôle de la base…',
      async () => {
        await this.stopCompanions();
        await this.core?.close().catch((error: unknown) => this.log('Closing the damaged database failed', error));
        this.enterRecovery(problem);
      },
      false,
    );
  }

  private enterRecovery(problem: string): void {
    this.mode = { kind: 'recovery' };
    this.schedule.stop();
    this.runtime.health = { ...this.runtime.health, state: 'damaged', problem };
  }

  private adopt(core: Core, startupBackup: boolean): void {
    this.mode = { kind: 'ready', core };
    this.runtime.health = { ...HEALTHY };
    if (this.options.schedule) this.schedule.start(startupBackup);
    for (const companion of this.companions) this.running.push(companion(core));
  }

  /** The one door of both transports. */
  async dispatch(channel: string, name: unknown, input: unknown, desk?: string): Promise<ApiResult<unknown>> {
    const mode = this.mode;
    if (mode.kind === 'switching') {
      if (name !== 'backup.health') return failure(new AppError('CONFLICT', mode.message));
      return { ok: true, value: { ...this.runtime.health, lastGoodBackupAt: null } };
    }
    this.inFlight++;
    try {
      if (mode.kind === 'ready') return await mode.core.registry.dispatch(channel, name, input, desk);
      return await this.dispatchInRecovery(name, input);
    } catch (error) {
      if (error instanceof AppError) return failure(error);
      this.log('Recovery failed', error);
      return failure(new AppError('INTERNAL', `La récupération a échoué : ${messageOf(error)}`));
    } finally {
      this.inFlight--;
      if (this.inFlight <= 1) for (const wake of this.drained.splice(0)) wake();
    }
  }

  /** With a damaged database only the recovery screen's three methods answer. */
  private async dispatchInRecovery(name: unknown, input: unknown): Promise<ApiResult<unknown>> {
    const { dataDir } = this.options;
    if (name === 'backup.health') return { ok: true, value: { ...this.runtime.health, lastGoodBackupAt: null } };
    if (name === 'backup.recoveryOptions') return { ok: true, value: await recoveryOptions(dataDir) };
    if (name === 'backup.recover') return { ok: true, value: await this.recover(input) };
    return failure(
      new AppError(
        'INTERNAL',
        `${this.runtime.health.problem ?? 'La base de données est endommagée.'} Restaurez une sauvegarde.`,
      ),
    );
  }

  closeChannel(channel: string): void {
    this.core?.sessions.close(channel);
  }

  /**
   * Refuses new calls, waits for those under way (but the caller's own, when a call asked for it), then runs `work`,
   * which sets the next mode.
   */
  private async exclusive<T>(message: string, work: () => Promise<T>, fromCall = true): Promise<T> {
    if (this.mode.kind === 'switching') throw new AppError('CONFLICT', this.mode.message);
    this.mode = { kind: 'switching', message };
    this.runtime.health = { ...this.runtime.health, state: 'restoring', problem: message };
    while (this.inFlight > (fromCall ? 1 : 0)) await new Promise<void>((wake) => this.drained.push(wake));
    try {
      return await work();
    } catch (error) {
      // `work` sets the next mode itself; failing before it did, there is no open database left to go back to.
      if (this.switching()) this.enterRecovery(`La base n'a pas pu être rouverte : ${messageOf(error)}`);
      throw error;
    }
  }

  private switching(): boolean {
    return this.mode.kind === 'switching';
  }

  /** The core's "backup.restore" (an admin, a listed backup, a typed confirmation) lands here. */
  private async restore(ref: BackupRef, actor: Actor): Promise<RestoreResultDto> {
    const core = this.core;
    if (!core) throw new AppError('CONFLICT', "La base de données n'est pas ouverte.");
    const preview = await core.backups.preview(ref, 'full');
    if (!preview.restorable) throw new AppError('CONFLICT', preview.refusal ?? 'Sauvegarde invalide.');
    return this.exclusive('Restauration en cours…', async () => {
      // Nothing may still read the file that is about to be replaced (Windows refuses to rename over an open file).
      this.schedule.stop();
      await this.schedule.settled();
      await this.startupCheck;
      await this.stopCompanions();
      const env = {
        dataDir: this.options.dataDir,
        clock: this.clock,
        open: () => this.openCore(),
        log: (m: string) => this.log(m, null),
      };
      const outcome = await restoreInto(core, preview, actor, env);
      this.adopt(outcome.core, false);
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    });
  }

  /** The recovery screen's restore: the damaged database is set aside (never deleted), the backup put in its place. */
  private async recover(input: unknown): Promise<RestoreResultDto> {
    const request = await checkRecoveryRequest(this.options.dataDir, input);
    return this.exclusive('Restauration en cours…', async () => {
      const damaged = await setAsideDamaged(this.options.dataDir, this.clock.now());
      await installDatabase(request.path, this.options.dataDir);
      let core: Core;
      try {
        core = await this.openCore();
      } catch (error) {
        this.enterRecovery(`La sauvegarde restaurée ne s'ouvre pas non plus : ${messageOf(error)}`);
        throw new AppError('CONFLICT', this.runtime.health.problem ?? '');
      }
      const username = (input as { username: string }).username;
      await core.db.write({ userId: null, username }, 'backup.recover', (tx) =>
        tx.audit({
          action: 'backup.recover',
          entity: 'backup',
          entityId: request.backup.file,
          summary: { file: request.backup.file, createdAt: request.backup.createdAt, damaged: damaged?.file ?? null },
        }),
      );
      this.adopt(core, true);
      return { restored: request.backup, preRestore: damaged ?? request.backup };
    });
  }

  /**
   * Quits without waiting for an automatic backup under way (its worker ends with the process; the unfinished file,
   * named .partial, is removed by the next backup), but after the calls under way, a backup by hand included.
   */
  async close(): Promise<void> {
    this.closing = true;
    this.schedule.stop();
    const core = this.core;
    this.mode = { kind: 'switching', message: 'Guichet se ferme.' };
    while (this.inFlight > 0) await new Promise<void>((wake) => this.drained.push(wake));
    await this.stopCompanions();
    await core?.close();
    this.marker.remove();
  }
}
