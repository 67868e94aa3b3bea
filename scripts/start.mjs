// `npm start [-- --data-dir <folder>]`: builds, fetches the Electron runtime once if it is missing, then runs the app.
// The runtime is not fetched by `npm install` (Electron >= 42): its install.js downloads it on demand, which needs internet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

function explainMissingRuntime() {
  console.error(`
Guichet : le moteur Electron n'est pas installé et n'a pas pu être téléchargé.
  Il se télécharge une seule fois : lancez « npm start » sur un poste connecté à Internet
  (ou « node node_modules/electron/install.js »). Sans Internet, « npm run web » fonctionne
  hors ligne et ouvre Guichet dans le navigateur.

Guichet: the Electron runtime is not installed and could not be downloaded.
  It is downloaded once: run "npm start" on a computer connected to the Internet
  (or "node node_modules/electron/install.js"). Offline, "npm run web" works and opens
  Guichet in the browser.
`);
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: projectDir, stdio: 'inherit' });
  return result.status === 0;
}

if (!run([path.join('scripts', 'build.mjs')])) process.exit(1);

let binary = electronBinary();
if (!binary) {
  console.log('Téléchargement du moteur Electron (une seule fois)… / Downloading the Electron runtime (once)…');
  binary = run([path.join(electronDir, 'install.js')]) ? electronBinary() : null;
  if (!binary) {
    explainMissingRuntime();
    process.exit(1);
  }
}

// A terminal that sets ELECTRON_RUN_AS_NODE (VS Code does) would start Electron as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [projectDir, ...process.argv.slice(2)], { cwd: projectDir, stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`Guichet : impossible de lancer Electron (${binary}) : ${error.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
