/**
 * One writer at a time. TypeORM on better-sqlite3 shares one connection, so two transactions whose awaits interleave
 * would mix their statements; every write goes through this queue instead.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => work());
    this.tail = result.catch(() => undefined);
    return result;
  }
}
