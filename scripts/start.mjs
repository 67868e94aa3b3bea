// `npm start [-- --data-dir <folder>] [-- --web]`: builds, then runs the desktop app; where Electron cannot run (no
// internet at the first start, an unsupported system, Ubuntu's AppArmor blocking Chromium's sandbox), says why in one
// line and opens the same app in the browser (web mode), so the counter always works. The first start on a connected
// PC downloads the Electron runtime (Electron >= 42 does not at `npm install`) and Electron's build of better-sqlite3,
// both once. The decisions are in scripts/start/plan.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserOpener, sandboxProblem, startMode, webModeLine } from './start/plan.mjs';
import { electronSqliteAddon } from './start/sqlite-addon.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));

/** Where node_modules/electron/index.js would look, without its side effect of downloading on require. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  }
  if (!relative) return null;
  const binary = path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** `quiet`: the error output is dropped (the fall-back line says why; a download's stack trace says nothing more). */
function run(args, quiet = false) {
  const stdio = quiet ? ['inherit', 'inherit', 'ignore'] : 'inherit';
  return spawnSync(process.execPath, args, { cwd: projectDir, stdio }).status === 0;
}

const readText = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

function appArmorProfiles() {
  try {
    return readdirSync('/etc/apparmor.d', { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readText(path.join('/etc/apparmor.d', entry.name)) ?? '');
  } catch {
    return [];
  }
}

function sandboxFacts(binary) {
  let sandbox = null;
  try {
    const stat = statSync(path.join(path.dirname(binary), 'chrome-sandbox'));
    sandbox = { uid: stat.uid, mode: stat.mode };
  } catch {
    // No chrome-sandbox next to the binary.
  }
  const restriction = readText('/proc/sys/kernel/apparmor_restrict_unprivileged_userns');
  return {
    platform: process.platform,
    restriction,
    sandbox,
    profiles: restriction?.trim() === '1' ? appArmorProfiles() : [],
    electronBinary: binary,
  };
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function openBrowser(url) {
  const opener = browserOpener(process.platform, has);
  if (!opener) {
    console.log(`Ouvrez cette adresse dans le navigateur / Open this address in the browser: ${url}`);
    return;
  }
  const child = spawn(opener.command, [...opener.args, url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`Ouvrez cette adresse dans le navigateur : ${url}`));
  child.unref();
}

/** The same app in the browser: dist/main/web.cjs, whose first line gives the address to open. */
function startWeb(args) {
  const child = spawn(process.execPath, [path.join(projectDir, 'dist', 'main', 'web.cjs'), ...args], {
    cwd: projectDir,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = /Guichet \(mode web\) : (http:\/\/\S+)/.exec(String(chunk))?.[1];
    if (url && !opened) {
      opened = true;
      openBrowser(url);
    }
  });
  return child;
}

function startElectron(binary, args, sqliteAddon) {
  // A terminal that sets ELECTRON_RUN_AS_NODE (VS Code does) would start Electron as plain Node.
  const env = { ...process.env, GUICHET_SQLITE_BINDING: sqliteAddon };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [projectDir, ...args], { cwd: projectDir, stdio: 'inherit', env });
  child.on('error', (error) => {
    console.error(`Guichet : impossible de lancer Electron (${binary}) : ${error.message}`);
    process.exit(1);
  });
  return child;
}

/** Desktop when it can run here; otherwise the reason for the web mode. */
function desktop() {
  let binary = electronBinary();
  if (!binary) {
    console.log('Téléchargement du moteur Electron (une seule fois)… / Downloading the Electron runtime (once)…');
    binary = run([path.join(electronDir, 'install.js')], true) ? electronBinary() : null;
    if (!binary) return { reason: 'no-runtime' };
  }
  const blocked = sandboxProblem(sandboxFacts(binary));
  if (blocked) {
    console.error(blocked);
    return { reason: 'sandbox' };
  }
  const sqliteAddon = electronSqliteAddon(projectDir);
  if (!sqliteAddon) return { reason: 'no-sqlite' };
  return { binary, sqliteAddon };
}

if (!run([path.join('scripts', 'build.mjs')])) process.exit(1);

const mode = startMode(process.argv.slice(2), process.platform, process.arch);
const plan = mode.web ? { reason: mode.reason } : desktop();
if (plan.reason) console.log(webModeLine(plan.reason, `${process.platform}-${process.arch}`));
const child = plan.reason ? startWeb(mode.args) : startElectron(plan.binary, mode.args, plan.sqliteAddon);
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
