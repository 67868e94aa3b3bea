// `npm run dist [-- electron-builder options]`: stages the app (scripts/stage.mjs, Electron's build of better-sqlite3
// downloaded into the staging copy), then runs electron-builder on it. Needs a connected machine (Electron and the
// prebuilt addon are downloaded). The project's node_modules is never written.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stageApp } from './stage.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
stageApp({ projectDir, stageDir: path.join(projectDir, 'dist', 'app'), addon: 'electron' });
const builder = path.join(projectDir, 'node_modules', 'electron-builder', 'cli.js');
const result = spawnSync(process.execPath, [builder, ...process.argv.slice(2)], { cwd: projectDir, stdio: 'inherit' });
process.exit(result.status ?? 1);
