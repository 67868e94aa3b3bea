import { describe, expect, it, vi } from 'vitest';
import { chromiumProfileDir } from './profile';
import { printOptions } from './printer';

vi.mock('electron', () => ({ BrowserWindow: vi.fn() }));

describe("Chromium's profile", () => {
  it('lives apart from the data folder, even on Windows where Electron would put it inside', () => {
    const env = { APPDATA: 'C:\\Users\\caisse\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\caisse\\AppData\\Local' };
    const profile = chromiumProfileDir(
      'win32',
      env,
      'C:\\Users\\caisse',
      'C:\\Users\\caisse\\AppData\\Roaming\\Guichet',
    );
    expect(profile).toContain('Chromium');
    expect(profile).not.toContain('Roaming');
    expect(chromiumProfileDir('linux', {}, '/home/caisse', '/home/caisse/.local/share/guichet')).toBe(
      '/home/caisse/.config/Guichet/Chromium',
    );
  });

  it('goes beside a data folder chosen above it, never inside', () => {
    expect(chromiumProfileDir('linux', {}, '/home/caisse', '/home/caisse/.config')).toBe(
      '/home/caisse/.config-chromium',
    );
  });
});

describe('a silent print', () => {
  it('names the printer, gives the page size and no margins', () => {
    const job = { pdf: Buffer.alloc(0), printer: 'EPSON_TM_T20III', pageSize: { width: 80_000, height: 91_722 } };
    expect(printOptions(job)).toEqual({
      silent: true,
      deviceName: 'EPSON_TM_T20III',
      pageSize: { width: 80_000, height: 91_722 },
      margins: { marginType: 'none' },
      printBackground: true,
      copies: 1,
    });
  });

  it('shows the system dialog when the desk asks every time', () => {
    const options = printOptions({
      pdf: Buffer.alloc(0),
      printer: null,
      pageSize: { width: 148_000, height: 210_000 },
    });
    expect(options.silent).toBe(false);
    expect(options).not.toHaveProperty('deviceName');
  });
});
