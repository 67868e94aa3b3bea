import { describe, expect, it } from 'vitest';
import {
  browserOpener,
  cacheDir,
  electronSqliteDir,
  sandboxProblem,
  startMode,
  webModeLine,
} from '../../scripts/start/plan.mjs';

// The decisions of `npm start` (scripts/start.mjs): desktop or web mode, Ubuntu's AppArmor and Chromium's sandbox,
// the browser opener, the cache of Electron's build of better-sqlite3.

describe('npm start: desktop or web mode', () => {
  it('runs the desktop app on the systems Electron exists for', () => {
    for (const [platform, arch] of [
      ['win32', 'x64'],
      ['linux', 'x64'],
      ['linux', 'arm64'],
      ['darwin', 'arm64'],
    ] as const) {
      expect(startMode(['--data-dir', '/srv/g'], platform, arch)).toEqual({
        web: false,
        reason: null,
        args: ['--data-dir', '/srv/g'],
      });
    }
  });

  it('opens the web mode on purpose with --web, which it does not pass on', () => {
    expect(startMode(['--web', '--port', '4317'], 'win32', 'x64')).toEqual({
      web: true,
      reason: 'asked',
      args: ['--port', '4317'],
    });
  });

  it('falls back to the web mode on a system Electron does not support, saying why in one line', () => {
    expect(startMode([], 'freebsd', 'x64')).toMatchObject({ web: true, reason: 'unsupported' });
    expect(startMode([], 'linux', 'ppc64')).toMatchObject({ web: true, reason: 'unsupported' });
    for (const reason of ['asked', 'unsupported', 'no-runtime', 'no-sqlite', 'sandbox'] as const) {
      const line = webModeLine(reason, 'freebsd-x64');
      expect(line).toMatch(/^Guichet : .+ ; ouverture du même Guichet dans le navigateur \(mode web\)\.$/);
      expect(line).not.toContain('\n');
    }
    expect(webModeLine('no-runtime')).toContain("pas d'Internet");
  });

  it('opens the browser with the system opener, or prints the address when there is none', () => {
    expect(browserOpener('win32', () => false)).toEqual({ command: 'cmd', args: ['/c', 'start', ''] });
    expect(browserOpener('darwin', () => false)).toEqual({ command: 'open', args: [] });
    expect(browserOpener('linux', (c) => c === 'xdg-open')).toEqual({ command: 'xdg-open', args: [] });
    expect(browserOpener('linux', () => false)).toBeNull();
  });
});

describe("Ubuntu 23.10+ and Chromium's sandbox", () => {
  const electronBinary = '/home/caisse/guichet/node_modules/electron/dist/electron';
  const ubuntu = {
    platform: 'linux',
    restriction: '1\n',
    sandbox: { uid: 1000, mode: 0o100755 },
    profiles: ['profile firefox /usr/lib/firefox/firefox{,*[^s][^h]} flags=(unconfined) {\n  userns,\n}'],
    electronBinary,
  };

  it('is detected when AppArmor restricts user namespaces and nothing lets this Electron through', () => {
    const problem = sandboxProblem(ubuntu);
    expect(problem).toContain('AppArmor');
    expect(problem).toContain('Guichet ne le désactive jamais');
    const chromeSandbox = '/home/caisse/guichet/node_modules/electron/dist/chrome-sandbox';
    expect(problem).toContain(`sudo chown root:root "${chromeSandbox}" && sudo chmod 4755 "${chromeSandbox}"`);
    expect(problem).toContain(`profile guichet-electron "${electronBinary}" flags=(unconfined) {`);
    expect(problem).toContain('paquet .deb');
    expect(problem).not.toContain('--no-sandbox');
  });

  it('is no problem where the restriction is off, chrome-sandbox is setuid root, or a profile names this Electron', () => {
    expect(sandboxProblem({ ...ubuntu, restriction: '0\n' })).toBeNull();
    expect(sandboxProblem({ ...ubuntu, restriction: null })).toBeNull();
    expect(sandboxProblem({ ...ubuntu, sandbox: { uid: 0, mode: 0o104755 } })).toBeNull();
    expect(sandboxProblem({ ...ubuntu, sandbox: { uid: 0, mode: 0o100755 } })).not.toBeNull();
    expect(
      sandboxProblem({ ...ubuntu, profiles: [`profile guichet-electron "${electronBinary}" flags=(unconfined) {}`] }),
    ).toBeNull();
    expect(sandboxProblem({ ...ubuntu, platform: 'win32' })).toBeNull();
  });
});

describe("Electron's build of better-sqlite3", () => {
  it('is cached per version and platform in the user cache, never in node_modules', () => {
    const build = { sqliteVersion: '12.9.0', electronVersion: '45.5.0', platform: 'linux', arch: 'x64' };
    expect(electronSqliteDir(cacheDir('linux', {}, '/home/caisse'), build)).toBe(
      '/home/caisse/.cache/guichet/better-sqlite3-12.9.0-electron-45.5.0-linux-x64',
    );
    expect(cacheDir('linux', { XDG_CACHE_HOME: '/var/cache/u' }, '/home/caisse')).toBe('/var/cache/u/guichet');
    expect(cacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\caisse\\AppData\\Local' }, 'C:\\Users\\caisse')).toContain(
      'guichet',
    );
    expect(cacheDir('linux', { GUICHET_CACHE_DIR: '/opt/cache' }, '/home/caisse')).toBe('/opt/cache');
  });
});
