// A desk PC in its own network namespace: the real desk web mode (electron/desk/start.ts) on 127.0.0.1 of that
// namespace, driven by the test through stdin/stdout. Each line in: {"id", "session", "method", "input"}; each line
// out: {"id", "status", "result"}. "session" names a browser (its own cookie, so its own staff session). Lines are
// handled concurrently, as several cashiers would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startDeskWeb } from '../../electron/desk/start';

const [dataDir = '', server = '', code = '', name = ''] = process.argv.slice(2);

interface Command {
  id: number;
  session: string;
  method: string;
  input: unknown;
}

async function main(): Promise<void> {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-desk-static-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Guichet</title>');
  const desk = await startDeskWeb(
    {
      dataDir,
      server,
      pair: code === '-' ? undefined : code,
      name,
      port: 0,
      rendererDir,
      link: { retryForMs: 30_000 },
    },
    () => undefined,
  );
  const base = desk.transport.url;
  const cookies = new Map<string, Promise<string>>();
  const cookieOf = (session: string) => {
    let cookie = cookies.get(session);
    if (!cookie) {
      cookie = fetch(`${base}/`).then((page) => (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
      cookies.set(session, cookie);
    }
    return cookie;
  };
  const run = async (command: Command) => {
    const response = await fetch(`${base}/api/${command.method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await cookieOf(command.session), origin: base },
      body: JSON.stringify(command.input ?? {}),
    });
    // A login answers with a new cookie (no session fixation): the browser takes it, and so does this one.
    const renewed = response.headers.get('set-cookie');
    if (renewed) cookies.set(command.session, Promise.resolve(renewed.split(';')[0] ?? ''));
    const result: unknown = await response.json();
    process.stdout.write(`${JSON.stringify({ id: command.id, status: response.status, result })}\n`);
  };
  process.stdout.write(`${JSON.stringify({ ready: desk.link.deskName })}\n`);
  for await (const line of readline.createInterface({ input: process.stdin })) {
    run(JSON.parse(line) as Command).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    });
  }
  await desk.close();
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ failed: error instanceof Error ? error.message : String(error) })}\n`);
  process.exit(1);
});
