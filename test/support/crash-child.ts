// A counter that writes documents and payments as fast as it can until it is killed: the crash-safety test runs it in
// a child process and SIGKILLs it at random moments. Prints one line per acknowledged write:
//   "draft <id>"            a proforma draft saved
//   "issued <id> <number>"  a proforma issued (numbered, sealed)
//   "paid <key> <id>"       a payment recorded (allocations, invoice when a proforma is paid off, drawer)
import { openCore } from '../../electron/core';
import { UserEntity } from '../../electron/db/entities';

const [dataDir = '', cycle = '0'] = process.argv.slice(2);

/** A small deterministic generator per cycle, so that a failing cycle can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

async function main(): Promise<void> {
  const core = await openCore({ dataDir, log: () => undefined });
  const call = async (method: string, input: unknown) => {
    const result = await core.registry.dispatch('crash', method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { id: number; number: string | null };
  };
  // The session is opened directly: a real login would spend its scrypt time in each of the children.
  const cashier = await core.db.reader.findOneByOrFail(UserEntity, { username: 'caissier' });
  core.sessions.open('crash', cashier, Date.now());
  const clientId = Number(process.env.CRASH_CLIENT_ID);
  const next = random(Number(cycle) * 7919 + 17);
  for (let i = 0; ; i++) {
    const lines = 1 + Math.floor(next() * 3);
    const draft = await call('documents.saveDraft', {
      clientId,
      lines: Array.from({ length: lines }, (_, l) => ({
        kind: 'item',
        description: `Prestation ${cycle}-${i}-${l}`,
        quantity: 1000,
        unitPrice: 10_000 + i + l,
        vatRate: 2000,
      })),
    });
    process.stdout.write(`draft ${draft.id}\n`);
    // One draft in ten stays a draft; two in ten are issued and left to pay later (older proformas pile up).
    const roll = next();
    if (roll < 0.1) continue;
    const issued = await call('documents.issue', { id: draft.id });
    process.stdout.write(`issued ${issued.id} ${issued.number ?? ''}\n`);
    if (roll < 0.3) continue;
    const key = `crash-${cycle}-${i}`;
    // Pays the oldest open proformas first, in cash at the open desk; what is over becomes credit.
    const payment = await call('payments.record', {
      idempotencyKey: key,
      clientId,
      amount: 12_000 * lines + Math.floor(next() * 20_000),
      details: { method: 'cash' },
      desk: 'Guichet 1',
    });
    process.stdout.write(`paid ${key} ${payment.id}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
