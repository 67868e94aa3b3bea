import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { stageApp } from '../../scripts/stage.mjs';
import { bundleChild } from '../support/child-bundle';
import { fullCompany } from '../support/documents';
import type { StandInCall, StandInState } from '../support/stand-in-protocol';

// The packaged layout on every run, without the Electron binary: electron-builder builds the `dir` target from the
// staging folder (scripts/stage.mjs) with a stand-in Electron distribution (a file carrying the fuse sentinel, so the
// fuses are really flipped), then the packaged main.cjs runs under Node with a stand-in 'electron' module
// (test/support/stand-in-electron.ts), from a working directory outside the project, and serves a day's first steps.

const root = path.resolve(__dirname, '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspector on, asar integrity off, only
// asar off, browser snapshot off, file:// privileges on.
const DEFAULT_WIRE = '10110001';

let tmp = '';
let unpacked = '';
let app = '';
let dataDir = '';
let child: ChildProcess | null = null;
let output = '';
let nextId = 1;
const pending = new Map<number, (reply: { ok: boolean; value?: unknown; error?: string }) => void>();

function standInElectronDist(folder: string): void {
  mkdirSync(path.join(folder, 'resources'), { recursive: true });
  mkdirSync(path.join(folder, 'locales'), { recursive: true });
  for (const locale of ['fr', 'en-US', 'ar', 'de', 'ja'])
    writeFileSync(path.join(folder, 'locales', `${locale}.pak`), '');
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\nexit 0\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.alloc(64),
  ]);
  writeFileSync(path.join(folder, 'electron'), binary);
  chmodSync(path.join(folder, 'electron'), 0o755);
  writeFileSync(path.join(folder, 'chrome-sandbox'), '');
  writeFileSync(path.join(folder, 'LICENSE'), 'MIT');
  writeFileSync(path.join(folder, 'version'), '45.5.0');
}

function send<T>(request: StandInCall): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, (reply) => (reply.ok ? resolve(reply.value as T) : reject(new Error(reply.error))));
    child?.send({ ...request, id });
  });
}

const invoke = (method: string, input: unknown, foreign = false) =>
  send<ApiResult<unknown>>({ op: 'invoke', method, input, foreign });

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'guichet-packaged-'));
  expect(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status).toBe(0);
  const stage = path.join(tmp, 'stage');
  stageApp({ projectDir: root, stageDir: stage, addon: 'node' });
  standInElectronDist(path.join(tmp, 'electron-dist'));
  const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', arch),
    publish: 'never',
    config: {
      directories: { app: stage, output: path.join(tmp, 'release') },
      electronDist: path.join(tmp, 'electron-dist'),
      npmRebuild: false,
    },
  });
  unpacked = path.join(tmp, 'release', arch === Arch.arm64 ? 'linux-arm64-unpacked' : 'linux-unpacked');
  app = path.join(tmp, 'app');
  extractAll(path.join(unpacked, 'resources', 'app.asar'), app);

  const hook = await bundleChild('test/support/stand-in-electron.ts', 'stand-in-electron');
  dataDir = path.join(tmp, 'donnees');
  const cwd = path.join(tmp, 'ailleurs');
  mkdirSync(cwd);
  const env: NodeJS.ProcessEnv = { ...process.env, STAND_IN_RESOURCES: path.join(unpacked, 'resources') };
  delete env.GUICHET_DATA_DIR;
  delete env.GUICHET_FONTS_DIR;
  child = fork(path.join(app, 'dist', 'main', 'main.cjs'), ['--data-dir', dataDir], {
    cwd,
    env,
    execArgv: ['--require', hook],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('message', (reply: { id: number; ok: boolean }) => pending.get(reply.id)?.(reply));
  // The window is up at once; the database opens behind it.
  await vi.waitFor(async () => expect((await send<StandInState>({ op: 'state' })).windows).toHaveLength(1), {
    timeout: 30_000,
    interval: 100,
  });
}, 240_000);

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packaged app (electron-builder dir target, stand-in Electron)', () => {
  it('flips the fuses in the Electron binary', () => {
    const binary = readFileSync(path.join(unpacked, 'guichet'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    // Version 1, eight fuses, in FuseV1Options order: RunAsNode, cookie encryption, NODE_OPTIONS, inspector, asar
    // integrity, only from asar, browser snapshot (left as is), file:// privileges.
    expect([...binary.subarray(at, at + 2)]).toEqual([1, 8]);
    expect(binary.subarray(at + 2, at + 10).toString()).toBe('01001100');
  });

  it('ships the bundles, the production modules with Electron-loadable addon unpacked, not the sources', () => {
    const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) =>
      f.replaceAll('\\', '/'),
    );
    expect(files).toEqual(expect.arrayContaining(['/dist/main/main.cjs', '/dist/main/preload.cjs', '/package.json']));
    expect(files.some((f) => f.startsWith('/node_modules/typeorm/'))).toBe(true);
    for (const absent of ['/electron/', '/shared/', '/test/', '/node_modules/electron/', '/node_modules/vitest/']) {
      expect(
        files.some((f) => f.startsWith(absent)),
        absent,
      ).toBe(false);
    }
    expect(files.some((f) => /better-sqlite3\/(deps|src)\/|test_extension|\.map$/.test(f))).toBe(false);
    const addon = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked', addon))).toBe(true);
    expect(existsSync(path.join(unpacked, 'resources', 'fonts', 'DejaVuSans.ttf'))).toBe(true);
    expect(readdirSync(path.join(unpacked, 'locales')).sort()).toEqual(['ar.pak', 'en-US.pak', 'fr.pak']);
    const pkg = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ main: 'dist/main/main.cjs', homepage: expect.any(String) });
    expect(pkg).not.toHaveProperty('devDependencies');
  });

  it('loads app://guichet/index.html in a sandboxed window with a CommonJS preload requiring only electron', async () => {
    const state = await send<StandInState>({ op: 'state' });
    const [win] = state.windows;
    expect(win?.url).toBe('app://guichet/index.html');
    expect(win?.sandbox).toBe(true);
    const preload = String(win?.preload);
    expect(preload).toBe(path.join(app, 'dist', 'main', 'preload.cjs'));
    const source = readFileSync(preload, 'utf8');
    expect([...source.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(source).not.toMatch(/^\s*(import|export) /m);
    expect(state.registeredSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
  });

  it('serves every asset with its MIME type and refuses a traversal', async () => {
    const renderer = path.join(app, 'dist', 'renderer');
    const types: Record<string, RegExp> = {
      '.html': /^text\/html/,
      '.js': /^text\/javascript/,
      '.css': /^text\/css/,
      '.svg': /^image\/svg\+xml/,
      '.png': /^image\/png/,
      '.woff2': /^font\/woff2/,
      '.ttf': /^font\/ttf/,
    };
    const files = readdirSync(renderer, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(2);
    for (const entry of files) {
      const relative = path.relative(renderer, path.join(entry.parentPath, entry.name)).replaceAll('\\', '/');
      const served = await send<{ status: number; type: string }>({ op: 'fetch', url: `app://guichet/${relative}` });
      expect(served.status, relative).toBe(200);
      expect(served.type, relative).toMatch(types[path.extname(relative)] ?? /^(?!application\/octet-stream)/);
    }
    for (const url of ['app://guichet/..%2f..%2fpackage.json', 'app://guichet/%2e%2e/%2e%2e/package.json']) {
      expect((await send<{ status: number }>({ op: 'fetch', url })).status, url).toBe(404);
    }
  });

  it('creates the first administrator, loads the demo office and prints a proforma with embedded fonts', async () => {
    expect(await ok('auth.status', {})).toMatchObject({ setupNeeded: true });
    await ok('auth.setupAdmin', { username: 'admin', displayName: 'Amina Admin', password: 'admin-secret-1' });
    expect(await ok<{ created: number }>('clients.loadDemo', {})).toMatchObject({ created: expect.any(Number) });
    await ok('settings.saveCompany', fullCompany);
    const clients = await ok<{ rows: { id: number }[] }>('clients.list', {});
    const draft = await ok<{ id: number }>('documents.saveDraft', {
      clientId: clients.rows[0]?.id,
      lines: [{ kind: 'item', description: 'Hébergement — تجربة', quantity: 1000, unitPrice: 120_000, vatRate: 2000 }],
    });
    await ok('documents.issue', { id: draft.id });
    const file = await ok<{ pdf: string; copy: string }>('documents.pdf', { id: draft.id });
    const pdf = Buffer.from(file.pdf, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    expect(file.copy).toBe('original');
  });

  it("prints silently on the desk's receipt printer, 80 mm wide, with no margins", async () => {
    const printers = await ok<{ name: string }[]>('printing.printers', {});
    expect(printers.map((p) => p.name)).toEqual(['EPSON_TM_T20III', 'HP_LaserJet_M404']);
    await ok('printing.saveSettings', {
      receiptPrinter: 'EPSON_TM_T20III',
      receiptPaper: 'roll80',
      documentPrinter: 'HP_LaserJet_M404',
      printInvoicesWithReceipt: true,
    });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'poste.json'), 'utf8'))).toMatchObject({
      printing: { receiptPrinter: 'EPSON_TM_T20III' },
    });
    expect(await ok('printing.testPage', { target: 'receipt' })).toEqual({
      printer: 'EPSON_TM_T20III',
      paper: 'roll80',
    });
    const { prints } = await send<StandInState>({ op: 'state' });
    expect(prints).toEqual([
      expect.objectContaining({
        silent: true,
        deviceName: 'EPSON_TM_T20III',
        pageSize: { width: 80_000, height: expect.any(Number) },
        margins: { marginType: 'none' },
      }),
    ]);
  });

  it('exports the month as XLSX and makes a verified backup through the worker', async () => {
    const xlsx = await ok<{ data: string; fileName: string }>('reports.export', {
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'xlsx',
    });
    expect(Buffer.from(xlsx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    const created = await ok<{ backup: { file: string; verified: boolean } }>('backup.create', {});
    expect(created.backup.verified).toBe(true);
    expect(existsSync(path.join(dataDir, 'backups', created.backup.file))).toBe(true);
    expect(output).not.toContain('Backup worker unavailable');
  });

  it('refuses a call from a foreign URL', async () => {
    expect(await invoke('auth.status', {}, true)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('quits cleanly within its deadline: no -wal or -shm, no run marker', async () => {
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    await send({ op: 'quit' });
    expect(await exited).toBe(0);
    expect(readdirSync(dataDir).filter((f) => /-wal$|-shm$|\.running$/.test(f))).toEqual([]);
    expect(output).not.toContain('Quit deadline');
  });
});
