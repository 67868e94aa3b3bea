import path from 'node:path';

/**
 * Where Chromium keeps its profile (cache, local storage, GPU cache): never inside the data folder, so that copying
 * or restoring "the data folder" moves only Guichet's data. On Windows Electron's default (%APPDATA%\Guichet) IS the
 * data folder; the profile goes to the local (non-roaming) app data instead.
 */
export function chromiumProfileDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
  dataDir: string,
): string {
  const base =
    platform === 'win32'
      ? path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Guichet', 'Chromium')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Caches', 'Guichet', 'Chromium')
        : path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Guichet', 'Chromium');
  const inside = path.relative(dataDir, base);
  // A data folder chosen above it (--data-dir): the profile goes beside that folder instead.
  return inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside)) ? `${dataDir}-chromium` : base;
}
