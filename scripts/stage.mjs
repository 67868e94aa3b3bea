// The staging app folder electron-builder packages (its "two package.json" layout, directories.app): the bundles, a
// package.json with the production dependencies only, and those dependencies copied from node_modules. Electron's
// build of better-sqlite3 goes into the copy; the project's node_modules is only ever read, so tests, web mode and the
// CLI keep Node's build after `npm run dist`. electron-builder's own rebuild is off (npmRebuild: false): it would walk
// up from the staging folder to the project's node_modules and rebuild it in place.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The package fields electron-builder's targets read (the deb needs a homepage and an author's e-mail). */
const METADATA = ['name', 'productName', 'version', 'description', 'author', 'homepage', 'license', 'main'];

/** Production packages of the project, as npm resolved them (absolute folders, nested ones included). */
function productionPackages(projectDir) {
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: projectDir,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (listed.status !== 0 && !listed.stdout) throw new Error(`npm ls failed: ${listed.stderr}`);
  return listed.stdout.split(/\r?\n/).filter((line) => line && path.resolve(line) !== path.resolve(projectDir));
}

/** Hard links (the copy is only read by electron-builder), its own nested node_modules left to their own entries. */
function linkTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * better-sqlite3 without its C sources, SQLite's amalgamation or test addon: its JavaScript, and one addon, really
 * copied (never linked: it is replaced by Electron's build).
 */
function stageSqlite(from, to) {
  mkdirSync(path.join(to, 'build', 'Release'), { recursive: true });
  for (const file of ['package.json', 'LICENSE', 'README.md']) copyFileSync(path.join(from, file), path.join(to, file));
  cpSync(path.join(from, 'lib'), path.join(to, 'lib'), { recursive: true });
}

/**
 * Builds `stageDir` from the project's dist/ and node_modules. `addon`: 'electron' downloads the prebuilt addon for
 * the project's Electron (network; `npm run dist`), 'node' copies Node's (the packaged-layout test runs under Node).
 */
export function stageApp({ projectDir, stageDir, addon }) {
  const pkg = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(path.join(stageDir, 'dist', 'main'), { recursive: true });
  const appPackage = Object.fromEntries(METADATA.filter((key) => key in pkg).map((key) => [key, pkg[key]]));
  writeFileSync(
    path.join(stageDir, 'package.json'),
    `${JSON.stringify({ ...appPackage, dependencies: pkg.dependencies }, null, 2)}\n`,
  );
  for (const file of ['main.cjs', 'preload.cjs']) {
    copyFileSync(path.join(projectDir, 'dist', 'main', file), path.join(stageDir, 'dist', 'main', file));
  }
  cpSync(path.join(projectDir, 'dist', 'renderer'), path.join(stageDir, 'dist', 'renderer'), { recursive: true });

  const modules = path.join(projectDir, 'node_modules');
  for (const folder of productionPackages(projectDir)) {
    const target = path.join(stageDir, 'node_modules', path.relative(modules, folder));
    if (path.basename(folder) === 'better-sqlite3') stageSqlite(folder, target);
    else linkTree(folder, target);
  }

  const sqlite = path.join(stageDir, 'node_modules', 'better-sqlite3');
  if (addon === 'node') {
    copyFileSync(
      path.join(modules, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'),
    );
    return;
  }
  const electronVersion = JSON.parse(readFileSync(path.join(modules, 'electron', 'package.json'), 'utf8')).version;
  const fetched = spawnSync(
    process.execPath,
    [
      path.join(modules, 'prebuild-install', 'bin.js'),
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      `--platform=${process.platform}`,
    ],
    { cwd: sqlite, stdio: 'inherit' },
  );
  if (fetched.status !== 0) {
    throw new Error(`Le module SQLite pour Electron ${electronVersion} n'a pas pu être téléchargé (Internet ?).`);
  }
}
