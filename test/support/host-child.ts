// The app as its entry points start it (the host), writing until it is killed: the start-up reliability test SIGKILLs
// it to leave an unclean shutdown behind. Prints "ack <n>" after each committed write.
import { AppHost } from '../../electron/modules/backup/host';

const [dataDir = ''] = process.argv.slice(2);

async function main(): Promise<void> {
  const host = await AppHost.start({ dataDir, log: () => undefined });
  const core = host.core;
  if (!core) throw new Error(host.runtime.health.problem ?? 'no core');
  for (let n = 1; ; n++) {
    await core.db.write({ userId: null, username: 'crash' }, 'test.write', (tx) =>
      tx.audit({ action: 'test.write', entity: 'test', entityId: n, summary: { n } }),
    );
    process.stdout.write(`ack ${n}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
