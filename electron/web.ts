import path from 'node:path';
import { launchConfig } from './config';
import { openCore } from './core';
import { DatabaseTooNewError } from './db/data-source';
import { startHttpTransport } from './transport/http';

/** `npm run web`: the app in a browser, same renderer and handlers as the desktop, served on 127.0.0.1. */
async function main(): Promise<void> {
  const config = launchConfig();
  const core = await openCore({ dataDir: config.dataDir });
  const rendererDir = path.join(__dirname, '..', 'renderer');
  const transport = await startHttpTransport(core.registry, rendererDir, config.port);
  console.log(`Guichet (mode web) : ${transport.url}`);
  console.log(`Données : ${config.dataDir}`);
  const stop = () => {
    void transport
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseTooNewError ? error.message : error);
  process.exit(1);
});
