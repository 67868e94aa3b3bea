import path from 'node:path';
import { launchConfig } from './config';
import { AppHost } from './modules/backup/host';
import { startAutomation } from './modules/automation/scheduler';
import { DatabaseTooNewError } from './db/data-source';
import { startHttpTransport } from './transport/http';

/** `npm run web`: the app in a browser, same renderer and handlers as the desktop, served on 127.0.0.1. */
async function main(): Promise<void> {
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
  console.error(error instanceof DatabaseTooNewError ? error.message : error);
  process.exit(1);
});
