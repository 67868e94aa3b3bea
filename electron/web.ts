import path from 'node:path';
import { launchConfig } from './config';
import { AppHost } from './modules/backup/host';
import { startAutomation } from './modules/automation/scheduler';
import { DatabaseTooNewError } from './db/data-source';
import { startHttpTransport } from './transport/http';
import { deskArgs } from './desk/args';
import { DeskStartError, startDeskWeb } from './desk/start';

/** `--server https://HOST:PORT`: this web mode is a desk of an office server (electron/desk), with no database here. */
async function startDesk(): Promise<boolean> {
  const desk = deskArgs();
  if (!desk) return false;
  const { dataDir, port } = launchConfig();
  const web = await startDeskWeb({ ...desk, dataDir, port, rendererDir: path.join(__dirname, '..', 'renderer') });
  console.log(`Guichet (poste « ${web.link.deskName} » du serveur ${desk.server}) : ${web.transport.url}`);
  const stop = () => void web.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return true;
}

/** `npm run web`: the app in a browser, same renderer and handlers as the desktop, served on 127.0.0.1. */
async function main(): Promise<void> {
  if (await startDesk()) return;
  const config = launchConfig();
  // The host opens the database, checks it in the background, backs it up, and can restore it (or recover it).
  const host = await AppHost.start({ dataDir: config.dataDir, schedule: true });
  const rendererDir = path.join(__dirname, '..', 'renderer');
  const transport = await startHttpTransport(host, rendererDir, config.port);
  // The billing run at start-up and each new day, and the e-mail outbox, in the background (again on a restored base).
  host.attach((core) => startAutomation(core));
  console.log(`Guichet (mode web) : ${transport.url}`);
  console.log(`Données : ${config.dataDir}`);
  const stop = () => {
    void transport
      .close()
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseTooNewError || error instanceof DeskStartError ? error.message : error);
  process.exit(1);
});
