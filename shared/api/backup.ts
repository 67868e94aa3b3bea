import { z } from 'zod';
import { requiredText, text } from '../validation';
import { method } from './contract';

/** Why a backup was made. "damaged" is the copy of a database set aside by a recovery; "unknown" a file put there by hand. */
export const BACKUP_KINDS = [
  'startup',
  'daily',
  'manual',
  'pre-migration',
  'pre-restore',
  'damaged',
  'unknown',
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** The data folder's backups/ sub-folder, or the second folder of the settings (USB drive, network share). */
export const BACKUP_LOCATIONS = ['primary', 'secondary'] as const;
export type BackupLocation = (typeof BACKUP_LOCATIONS)[number];

/** What a person types to confirm a restore. */
export const RESTORE_CONFIRMATION = 'RESTAURER';

export interface BackupDto {
  location: BackupLocation;
  file: string;
  kind: BackupKind;
  /** ISO instant. */
  createdAt: string;
  bytes: number;
  /** Passed integrity_check and carries a schema this version of Guichet knows, when it was made. */
  verified: boolean;
  /** The last migration the backup went through (its schema version). */
  schema: string | null;
}

export interface BackupFoldersDto {
  primary: string;
  secondary: string | null;
  /** Null when the second folder is reachable (or not set); otherwise why not. */
  secondaryProblem: string | null;
}

export interface BackupListDto {
  backups: BackupDto[];
  folders: BackupFoldersDto;
  lastGoodAt: string | null;
  /** A backup is being made right now (started by hand, the schedule or a restore). */
  running: boolean;
}

export interface BackupCreatedDto {
  backup: BackupDto;
  /** The copy in the second folder, or why it could not be made (the main backup stands). */
  secondary: { ok: true; backup: BackupDto } | { ok: false; message: string } | null;
}

export interface BackupContentsDto {
  clients: number;
  proformas: number;
  invoices: number;
  creditNotes: number;
  payments: number;
  lastNumbers: { proforma: string | null; invoice: string | null; creditNote: string | null; receipt: string | null };
  lastChangeAt: string | null;
  auditEntries: number;
}

export interface BackupPreviewDto {
  backup: BackupDto;
  /** Checked just now (integrity and schema): a backup that fails is refused, and says why. */
  restorable: boolean;
  refusal: string | null;
  contents: BackupContentsDto | null;
  /** The backup's schema is older than the app's: it is brought up to date when it is opened. */
  needsMigration: boolean;
}

export interface RestoreResultDto {
  restored: BackupDto;
  /** The database as it was just before the restore, kept as a backup that can itself be restored. */
  preRestore: BackupDto;
}

export type HealthState = 'ok' | 'checking' | 'damaged' | 'restoring';

export interface BackupHealthDto {
  state: HealthState;
  /** French: what is wrong with the database (damaged) or what is happening (restoring). */
  problem: string | null;
  /** The start-up check: quick_check, or integrity_check after an unclean shutdown. */
  check: 'quick' | 'full' | null;
  uncleanShutdown: boolean;
  lastGoodBackupAt: string | null;
}

export interface BackupSettings {
  /** An absolute folder that receives a copy of each backup; empty for none. */
  secondFolder: string;
}

export const backupSettingsSchema = z
  .object({
    secondFolder: text(400)
      .refine((value) => value === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value), {
        message: 'Indiquez un chemin complet (ex. E:\\Sauvegardes ou \\\\serveur\\partage\\guichet).',
      })
      .default(''),
  })
  .strict();

/** A backup file by its folder and name (a plain name: no path may be smuggled in). */
export const backupRefSchema = z
  .object({
    location: z.enum(BACKUP_LOCATIONS),
    file: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.sqlite$/, 'Nom de fichier de sauvegarde invalide.')
      .refine((name) => !name.includes('..'), 'Nom de fichier de sauvegarde invalide.'),
  })
  .strict();
export type BackupRef = z.output<typeof backupRefSchema>;

const confirmation = z.literal(RESTORE_CONFIRMATION, {
  message: `Tapez ${RESTORE_CONFIRMATION} pour confirmer la restauration.`,
});

export const backupApi = {
  'backup.health': method<BackupHealthDto>()({ input: z.object({}).strict(), access: 'public', mutates: false }),
  'backup.list': method<BackupListDto>()({ input: z.object({}).strict(), access: 'admin', mutates: false }),
  'backup.create': method<BackupCreatedDto>()({ input: z.object({}).strict(), access: 'admin', mutates: true }),
  'backup.preview': method<BackupPreviewDto>()({ input: backupRefSchema, access: 'admin', mutates: false }),
  'backup.restore': method<RestoreResultDto>()({
    input: backupRefSchema.extend({ confirmation }).strict(),
    access: 'admin',
    mutates: true,
  }),
  'backup.getSettings': method<BackupSettings>()({ input: z.object({}).strict(), access: 'admin', mutates: false }),
  'backup.saveSettings': method<BackupSettings>()({ input: backupSettingsSchema, access: 'admin', mutates: true }),
  /** Only when the database is damaged: the verified backups the recovery screen offers. */
  'backup.recoveryOptions': method<BackupDto[]>()({ input: z.object({}).strict(), access: 'public', mutates: false }),
  /**
   * Only when the database is damaged (no session can exist then): restores a backup, on the name and password of an
   * administrator as recorded in that backup.
   */
  'backup.recover': method<RestoreResultDto>()({
    input: backupRefSchema
      .extend({ username: requiredText(32), password: z.string().min(1).max(200), confirmation })
      .strict(),
    access: 'public',
    mutates: true,
  }),
};
