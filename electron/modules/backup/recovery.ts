import path from 'node:path';
import type { BackupDto, BackupPreviewDto } from '../../../shared/api/backup';
import { backupApi } from '../../../shared/api/backup';
import { fieldErrors } from '../../../shared/validation';
import { AppError, notFound } from '../../errors';
import { listFolder, primaryFolder } from './catalogue';
import { checkBackupAdmin } from './recovery-credentials';
import { inspectFile } from './snapshot';

/** The backups the recovery screen offers: verified ones of the data folder, newest first. */
export async function recoveryOptions(dataDir: string): Promise<BackupDto[]> {
  return (await listFolder(primaryFolder(dataDir), 'primary')).filter((b) => b.verified);
}

/**
 * Checks a recovery request (the database is damaged, nobody is logged in): the input, the backup (integrity_check
 * and schema, now) and an administrator's password as recorded in that backup. Returns what to restore.
 */
export async function checkRecoveryRequest(
  dataDir: string,
  input: unknown,
): Promise<BackupPreviewDto & { path: string }> {
  const parsed = backupApi['backup.recover'].input.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      'Certaines informations sont invalides : corrigez les champs signalés.',
      fieldErrors(parsed.error),
    );
  }
  const { location, file, username, password } = parsed.data;
  const backup = location === 'primary' ? (await recoveryOptions(dataDir)).find((b) => b.file === file) : undefined;
  if (!backup) throw notFound('Sauvegarde');
  const filePath = path.join(primaryFolder(dataDir), file);
  const { inspected, refusal } = await inspectFile(filePath, 'full', true);
  if (refusal !== null || !inspected) {
    throw new AppError('CONFLICT', `Cette sauvegarde ne peut pas être restaurée : ${refusal ?? 'illisible'}.`);
  }
  await checkBackupAdmin(filePath, username, password);
  return {
    path: filePath,
    backup,
    restorable: true,
    refusal: null,
    contents: inspected.contents,
    needsMigration: false,
  };
}
