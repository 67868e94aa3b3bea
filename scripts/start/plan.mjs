// The decisions of `npm start`, without side effects (tested by test/integration/start-plan.test.ts): desktop or web
// mode, whether Ubuntu's AppArmor will abort Chromium's sandbox, how to open the browser, where Electron's own build
// of better-sqlite3 is cached.
import path from 'node:path';

/** Platforms and processors Electron publishes a runtime for. */
const ELECTRON_PLATFORMS = {
  win32: ['x64', 'ia32', 'arm64'],
  linux: ['x64', 'arm64', 'arm'],
  darwin: ['x64', 'arm64'],
};

/** `--web` asks for the web mode; an unsupported platform gets it anyway. Returns the arguments to pass on. */
export function startMode(argv, platform, arch) {
  const args = argv.filter((arg) => arg !== '--web');
  if (args.length !== argv.length) return { web: true, reason: 'asked', args };
  if (!(ELECTRON_PLATFORMS[platform] ?? []).includes(arch)) return { web: true, reason: 'unsupported', args };
  return { web: false, reason: null, args };
}

/** The one line `npm start` prints before falling back to the web mode. */
export function webModeLine(reason, detail = '') {
  const why = {
    asked: 'mode web demandé (--web)',
    unsupported: `le moteur Electron n'existe pas pour ce système (${detail})`,
    'no-runtime': "le moteur Electron n'est pas installé et n'a pas pu être téléchargé (pas d'Internet ?)",
    'no-sqlite': "le module SQLite pour Electron n'a pas pu être préparé (pas d'Internet ?)",
    sandbox: 'le bac à sable de Chromium est bloqué par AppArmor (voir ci-dessus)',
  }[reason];
  return `Guichet : ${why} ; ouverture du même Guichet dans le navigateur (mode web).`;
}

/**
 * Ubuntu 23.10+ (24.04 LTS) forbids unprivileged user namespaces to programs without an AppArmor profile: Chromium's
 * sandbox then aborts at launch (electron/electron#42510). Fine when the restriction is off, when chrome-sandbox is
 * setuid root (Chromium then uses it), or when an AppArmor profile names this Electron. Returns the French
 * explanation with the fix, or null.
 */
export function sandboxProblem({ platform, restriction, sandbox, profiles, electronBinary }) {
  if (platform !== 'linux' || restriction?.trim() !== '1') return null;
  if (sandbox && sandbox.uid === 0 && (sandbox.mode & 0o4000) !== 0) return null;
  if (profiles.some((text) => text.includes(electronBinary))) return null;
  const chromeSandbox = path.join(path.dirname(electronBinary), 'chrome-sandbox');
  return [
    'Guichet : Ubuntu (AppArmor) interdit au bac à sable de Chromium de démarrer Electron depuis ce dossier.',
    '  Le bac à sable reste actif : Guichet ne le désactive jamais. Une des deux corrections, une seule fois :',
    `    sudo chown root:root "${chromeSandbox}" && sudo chmod 4755 "${chromeSandbox}"`,
    '  ou un profil AppArmor pour ce programme :',
    "    sudo tee /etc/apparmor.d/guichet-electron <<'FIN'",
    'abi <abi/4.0>,',
    'include <tunables/global>',
    `profile guichet-electron "${electronBinary}" flags=(unconfined) {`,
    '  userns,',
    '}',
    'FIN',
    '    sudo apparmor_parser -r /etc/apparmor.d/guichet-electron',
    '  Pour les postes du guichet, installez plutôt le paquet .deb de Guichet (il installe son profil AppArmor).',
  ].join('\n');
}

/** How to open a URL in the default browser, or null when no opener is installed (the URL is printed then). */
export function browserOpener(platform, has) {
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', ''] };
  if (platform === 'darwin') return { command: 'open', args: [] };
  return has('xdg-open') ? { command: 'xdg-open', args: [] } : null;
}

/** A user cache folder, outside node_modules: the project's node_modules keeps Node's build for tests and web mode. */
export function cacheDir(platform, env, home) {
  if (env.GUICHET_CACHE_DIR) return env.GUICHET_CACHE_DIR;
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'guichet', 'cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'guichet');
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'guichet');
}

/** Where Electron's build of better-sqlite3 lives: one folder per addon version, Electron version and platform. */
export function electronSqliteDir(cache, { sqliteVersion, electronVersion, platform, arch }) {
  return path.join(cache, `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}`);
}
