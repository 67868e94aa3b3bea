import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

// electron-builder.yml read and validated by electron-builder's own loader and JSON schema (app-builder-lib comes with
// electron-builder), then the settings that matter checked one by one: a misspelt option or a dropped fuse fails here.

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  homepage?: string;
  author?: { email?: string };
  engines: { node: string };
};
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? (target as unknown[]) : [target];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and its folders', () => {
    expect(config.appId).toBe('ma.guichet.app');
    expect(config.productName).toBe('Guichet');
    expect(config.directories).toMatchObject({ output: 'release', buildResources: 'build', app: 'dist/app' });
  });

  it('turns the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the bundles into an asar, with native modules unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('ships the bundles and package.json, not the sources, tests or source maps', () => {
    const files = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    expect(files).toEqual(
      expect.arrayContaining(['package.json', pkg.main, 'dist/main/preload.cjs', 'dist/renderer/**/*', '!**/*.map']),
    );
    const included = files.filter((f) => !f.startsWith('!'));
    for (const source of ['electron', 'shared', 'renderer', 'test', 'seeds', 'scripts', 'build', '**']) {
      expect(
        included.some((f) => f === source || f.startsWith(`${source}/`)),
        source,
      ).toBe(false);
    }
  });

  it('packages the staging folder, whose addon is already built for Electron: no rebuild, never in npm install', () => {
    // electron-builder's rebuild would walk up from the app folder to the project's node_modules (Node's build).
    expect(config.npmRebuild).toBe(false);
    expect(pkg.scripts.dist).toContain('scripts/dist.mjs');
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts[hook] ?? '', hook).not.toMatch(/install-app-deps|electron-builder|electron-rebuild/);
    }
  });

  it('builds an assisted, per-user NSIS installer in French for Windows', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      language: '1036',
      deleteAppDataOnUninstall: false,
    });
  });

  it('has the metadata the Linux targets need (homepage, author with e-mail) and the Node the tooling needs', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/@/);
    // vite, eslint and typeorm: ^20.19 || ^22.13 || >=24.11.
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.13.0 || >=24.11.0');
  });

  it('builds an AppImage and a deb for Linux, in the Office category', () => {
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
  });

  it('has a 512×512 PNG icon in build/', () => {
    const png = readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height, big-endian, right after the 8-byte signature and the chunk's length and type.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('ships the PDF fonts and their licences as extra resources, where electron/pdf/fonts.ts looks', () => {
    expect(config.extraResources).toEqual([{ from: 'build/fonts', to: 'fonts' }]);
    for (const file of [
      'DejaVuSans.ttf',
      'DejaVuSans-Bold.ttf',
      'NotoNaskhArabic-Regular.ttf',
      'NotoNaskhArabic-Bold.ttf',
      'DejaVu-LICENSE.txt',
      'Noto-LICENSE.txt',
    ]) {
      expect(readFileSync(path.join(root, 'build', 'fonts', file)).length, file).toBeGreaterThan(1000);
    }
  });
});
