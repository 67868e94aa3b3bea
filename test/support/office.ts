import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateCertificate, type OfficeCertificate } from '../../electron/office/certificate';
import { startOfficeServer, type OfficeServer } from '../../electron/transport/https-server';
import { openTestApp, type TestApp } from './core';

export interface OfficeHarness {
  app: TestApp;
  tls: OfficeCertificate;
  server: OfficeServer;
  /** Starts the server again (on the same port when `port` is given) after `server.close()`. */
  restart(port?: number): Promise<OfficeServer>;
  close(): Promise<void>;
}

/** An office server in this process on 127.0.0.1: a real database, its own certificate, the real HTTPS transport. */
export async function startOffice(port = 0): Promise<OfficeHarness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-office-'));
  const tls = await loadOrCreateCertificate(dataDir);
  const app = await openTestApp(dataDir, {
    office: { addresses: ['https://127.0.0.1'], fingerprint: tls.fingerprint },
  });
  const host = {
    core: app.core,
    dispatch: (channel: string, name: unknown, input: unknown, desk?: string) =>
      app.core.registry.dispatch(channel, name, input, desk),
  };
  const start = (on: number) => startOfficeServer(host, { host: '127.0.0.1', port: on, tls });
  const harness: OfficeHarness = {
    app,
    tls,
    server: await start(port),
    async restart(on = harness.server.port) {
      harness.server = await start(on);
      return harness.server;
    },
    async close() {
      await harness.server.close();
      await app.close();
    },
  };
  return harness;
}

/** A desk's data folder. */
export const deskDir = () => mkdtempSync(path.join(os.tmpdir(), 'guichet-desk-'));
