import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { shell } from 'electron';

/**
 * The only door to shell.openExternal and shell.openPath: both hand a string to the operating system, which may run
 * it. A lint rule keeps every other file away from those two calls.
 */

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);

/** Documents the app writes itself; never executables, scripts or shortcuts, even inside the allowed folder. */
const OPENABLE_EXTENSIONS = new Set(['.pdf', '.csv', '.txt']);

export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return EXTERNAL_PROTOCOLS.has(parsed.protocol) && parsed.username === '' && parsed.password === '';
}

/** The real path of file when it is a document strictly inside dir (symbolic links resolved on both), else null. */
export async function openableFile(file: string, dir: string): Promise<string | null> {
  let realFile: string;
  let realDir: string;
  try {
    [realFile, realDir] = await Promise.all([realpath(file), realpath(dir)]);
  } catch {
    return null;
  }
  if (!OPENABLE_EXTENSIONS.has(path.extname(realFile).toLowerCase())) return null;
  const relative = path.relative(realDir, realFile);
  const inside = relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
  return inside ? realFile : null;
}

/** Opens an https: or mailto: URL in the user's browser or mail client; false when refused. */
export async function safeOpenExternal(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** Opens a document of ours (a PDF under the data folder) with its default application; false when refused or failed. */
export async function safeOpenPath(file: string, allowedDir: string): Promise<boolean> {
  const real = await openableFile(file, allowedDir);
  if (!real) return false;
  return (await shell.openPath(real)) === '';
}
