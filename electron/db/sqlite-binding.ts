import BetterSqlite3 from 'better-sqlite3';

/**
 * better-sqlite3 is a V8 addon: the build in node_modules is for Node's ABI (tests, web mode, the CLI); Electron needs
 * its own. `npm start` builds one outside node_modules (scripts/start/sqlite-addon.mjs) and names it in this variable;
 * the packaged app carries its own node_modules, rebuilt for Electron by electron-builder in the staging folder.
 */
export const SQLITE_BINDING_ENV = 'GUICHET_SQLITE_BINDING';

export interface RuntimeFacts {
  versions: Partial<Record<string, string>>;
  env: NodeJS.ProcessEnv;
  /** Electron's app.isPackaged. */
  packaged: boolean;
}

/** The addon file every opener must pass as `nativeBinding`, or undefined for better-sqlite3's own lookup. */
export function selectSqliteBinding({ versions, env, packaged }: RuntimeFacts): string | undefined {
  // Plain Node, or the packaged app (whose node_modules was rebuilt for Electron): better-sqlite3's own build.
  if (!versions.electron || packaged) return undefined;
  return env[SQLITE_BINDING_ENV] || undefined;
}

let chosen: string | undefined;

/** Set once by the desktop entry, before any database opens. */
export function useSqliteBinding(file: string | undefined): void {
  chosen = file;
}

/** The addon chosen for this process (undefined: better-sqlite3's default). */
export function sqliteBinding(): string | undefined {
  return chosen;
}

/** Options of every direct opener (reports' snapshot, restore, recovery): the chosen addon. */
export function openSqlite(file: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  return new BetterSqlite3(file, { ...options, ...(chosen ? { nativeBinding: chosen } : {}) });
}

/**
 * Loads the addon once, before anything opens the database, so that a missing or mismatched build says what to do
 * (a French sentence) instead of the database looking damaged. Null when it loads.
 */
export function sqliteAddonProblem(binding = chosen, electron = Boolean(process.versions.electron)): string | null {
  try {
    new BetterSqlite3(':memory:', binding ? { nativeBinding: binding } : {}).close();
    return null;
  } catch (error) {
    return explainAddonFailure(error instanceof Error ? error.message : String(error), electron);
  }
}

/** What to do, in French, for the ways loading the addon fails. */
export function explainAddonFailure(detail: string, electron: boolean): string {
  const mismatched = /NODE_MODULE_VERSION|compiled against a different|invalid ELF|not a valid Win32|wrong ELF class/i;
  const what = mismatched.test(detail)
    ? "Le module SQLite de Guichet n'a pas été compilé pour cette version du moteur"
    : 'Le module SQLite de Guichet est introuvable';
  const fix = electron
    ? 'Depuis le dossier de Guichet, relancez « npm start » sur un poste connecté à Internet : il prépare ce module une ' +
      'seule fois. Pour une version installée, réinstallez Guichet.'
    : 'Relancez « npm install » (ou « npm rebuild better-sqlite3 ») dans le dossier de Guichet.';
  return `${what}. Vos données ne sont pas touchées.\n\n${fix}\n\nDétail : ${detail}`;
}
