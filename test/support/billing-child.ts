// A billing run in a child process that the crash test kills with SIGKILL between (or in the middle of) two of its
// transactions. One client per batch; prints "batch" after each committed one and "done" at the end.
import { ManualClock } from '../../electron/clock';
import { openCore } from '../../electron/core';
import { SYSTEM } from '../../electron/modules/automation/run-log';
import { automationServices } from '../../electron/modules/automation/services';

const [dataDir = '', instant = ''] = process.argv.slice(2);

async function main(): Promise<void> {
  const core = await openCore({ dataDir, clock: new ManualClock(new Date(instant)), log: () => undefined });
  const { runner } = automationServices(core.db);
  await runner.run('startup', SYSTEM, { batchSize: 1, afterBatch: () => process.stdout.write('batch\n') });
  process.stdout.write('done\n');
  await core.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
