// Electron's own build of better-sqlite3, made once into a cache folder outside node_modules: the project's
// node_modules keeps Node's build (tests, web mode, the CLI). The prebuilt addon for Electron's ABI is downloaded
// (prebuild-install, as better-sqlite3's own install does); failing that it is compiled against Electron's headers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheDir, electronSqliteDir } from './plan.mjs';

const ADDON = path.join('build', 'Release', 'better_sqlite3.node');

function version(projectDir, name) {
  return JSON.parse(readFileSync(path.join(projectDir, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The cached addon for this Electron, built if missing; null when it cannot be had (no internet, no compiler). */
export function electronSqliteAddon(projectDir) {
  const electronVersion = version(projectDir, 'electron');
  const target = electronSqliteDir(cacheDir(process.platform, process.env, os.homedir()), {
    sqliteVersion: version(projectDir, 'better-sqlite3'),
    electronVersion,
    platform: process.platform,
    arch: process.arch,
  });
  if (existsSync(path.join(target, ADDON))) return path.join(target, ADDON);

  console.log('Préparation du module SQLite pour Electron (une seule fois)… / Preparing SQLite for Electron (once)…');
  const work = `${target}.partial`;
  rmSync(work, { recursive: true, force: true });
  const source = path.join(projectDir, 'node_modules', 'better-sqlite3');
  // A copy of the package without its build: nothing is written into the project's node_modules.
  cpSync(source, work, { recursive: true, filter: (file) => !file.startsWith(path.join(source, 'build')) });
  const electron = [`--target=${electronVersion}`, `--arch=${process.arch}`];
  const prebuilt = () =>
    spawnSync(
      process.execPath,
      [path.join(projectDir, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime=electron', ...electron],
      { cwd: work, stdio: 'inherit' },
    ).status === 0;
  const compiled = () =>
    spawnSync(
      process.execPath,
      [
        path.join(projectDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
        'rebuild',
        '--release',
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
        ...electron,
      ],
      { cwd: work, stdio: 'inherit' },
    ).status === 0;
  if (!(prebuilt() || compiled()) || !existsSync(path.join(work, ADDON))) {
    rmSync(work, { recursive: true, force: true });
    return null;
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(work, target);
  return path.join(target, ADDON);
}
