import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deskPrintSettingsSchema, type DeskPrintSettings } from '../../../shared/api/printing';

/**
 * What belongs to this PC rather than to the office's database: its printers. Kept in the data folder beside the
 * database (a restored backup, or a database shared by several desks later, does not carry another PC's printers).
 */
export const DESK_FILE = 'poste.json';

interface DeskFile {
  printing?: unknown;
}

async function readDeskFile(dataDir: string): Promise<DeskFile> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(dataDir, DESK_FILE), 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // Absent (a new desk) or unreadable: the defaults, "ask every time".
    return {};
  }
}

export async function readDeskPrintSettings(dataDir: string): Promise<DeskPrintSettings> {
  const parsed = deskPrintSettingsSchema.safeParse((await readDeskFile(dataDir)).printing ?? {});
  return parsed.success ? parsed.data : deskPrintSettingsSchema.parse({});
}

/** Written whole under a temporary name, then renamed: a crash leaves the old file or the new one. */
export async function writeDeskPrintSettings(dataDir: string, settings: DeskPrintSettings): Promise<void> {
  const file = path.join(dataDir, DESK_FILE);
  const next = { ...(await readDeskFile(dataDir)), printing: settings };
  await writeFile(`${file}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}
