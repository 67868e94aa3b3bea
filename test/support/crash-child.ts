// A counter that records payments as fast as it can until it is killed: the crash-safety test runs it in a child
// process and SIGKILLs it at random moments. Prints "ack <key> <paymentId>" once a payment is acknowledged.
import { openCore } from '../../electron/core';
import { UserEntity } from '../../electron/db/entities';

const [dataDir = '', cycle = '0'] = process.argv.slice(2);

async function main(): Promise<void> {
  const core = await openCore({ dataDir, log: () => undefined });
  const call = async (method: string, input: unknown) => {
    const result = await core.registry.dispatch('crash', method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { id: number };
  };
  // The session is opened directly: a real login would spend its scrypt time in each of the 200 children.
  const cashier = await core.db.reader.findOneByOrFail(UserEntity, { username: 'caissier' });
  core.sessions.open('crash', cashier, Date.now());
  const clientId = Number(process.env.CRASH_CLIENT_ID);
  for (let i = 0; ; i++) {
    const draft = await call('documents.saveDraft', {
      clientId,
      lines: [
        { kind: 'item', description: `Prestation ${cycle}-${i}`, quantity: 1000, unitPrice: 10_000 + i, vatRate: 2000 },
      ],
    });
    await call('documents.issue', { id: draft.id });
    const key = `crash-${cycle}-${i}`;
    // Pays the new proforma and a little more (credit), in cash, at the open desk.
    const payment = await call('payments.record', {
      idempotencyKey: key,
      clientId,
      amount: 12_000 + i * 2 + 100,
      details: { method: 'cash' },
      desk: 'Guichet 1',
    });
    process.stdout.write(`ack ${key} ${payment.id}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
