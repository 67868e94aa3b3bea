// A billing run in a child process that dies by SIGKILL right after its n-th committed batch (n from the command line,
// none: it runs to the end), whatever the machine's speed. One client per batch.
import { ManualClock } from '../../electron/clock';
import { openCore } from '../../electron/core';
import { SYSTEM } from '../../electron/modules/automation/run-log';
import { automationServices } from '../../electron/modules/automation/services';

const [dataDir = '', instant = '', killAfter = ''] = process.argv.slice(2);

async function main(): Promise<void> {
  const core = await openCore({ dataDir, clock: new ManualClock(new Date(instant)), log: () => undefined });
  const { runner } = automationServices(core.db);
  let batches = 0;
  await runner.run('startup', SYSTEM, {
    batchSize: 1,
    afterBatch: () => {
      if (++batches === Number(killAfter)) process.kill(process.pid, 'SIGKILL');
    },
  });
  await core.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
