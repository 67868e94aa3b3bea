import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import readline from 'node:readline';
import type { ApiResult } from '../../shared/api';
import type { NetnsLan } from './netns';

/** A program started inside a host's namespace, with its output lines kept for waitFor. */
class HostProcess {
  readonly lines: string[] = [];
  private readonly waiters: { pattern: RegExp; resolve(match: RegExpMatchArray): void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => this.take(line));
    }
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  protected take(line: string): void {
    this.lines.push(line);
    for (const waiter of [...this.waiters]) {
      const match = line.match(waiter.pattern);
      if (match) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  }

  /** The first output line (past or future) matching `pattern`; fails with the output when the program ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
    for (const line of this.lines) {
      const match = line.match(pattern);
      if (match) return Promise.resolve(match);
    }
    return new Promise((resolve, reject) => {
      this.waiters.push({ pattern, resolve });
      void this.exited.then((code) =>
        reject(new Error(`exited (${code}) before ${pattern}:\n${this.lines.join('\n')}`)),
      );
    });
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}

function inNamespace(lan: NetnsLan, host: string, bundle: string, args: string[]): ChildProcessWithoutNullStreams {
  // `ip netns exec` execs node in place: the child's pid is node's, so SIGKILL reaches the server itself.
  return spawn('ip', ['netns', 'exec', lan.namespace(host), process.execPath, bundle, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export class OfficeServerProcess extends HostProcess {
  static start(lan: NetnsLan, host: string, bundle: string, dataDir: string, port: number): OfficeServerProcess {
    const args = ['--data-dir', dataDir, '--host', lan.address(host), '--port', String(port)];
    return new OfficeServerProcess(inNamespace(lan, host, bundle, args));
  }

  async ready(): Promise<{ fingerprint: string; code: string | null }> {
    const [, fingerprint = ''] = await this.waitFor(/Empreinte SHA-256 du certificat : (\S+)/);
    await this.waitFor(/^Code d'appairage d'un poste : /);
    const code = this.lines.map((line) => /Code d'appairage d'un poste : (\d{4}-\d{4})/.exec(line)?.[1]).find(Boolean);
    return { fingerprint, code: code ?? null };
  }
}

export class DeskProcess extends HostProcess {
  private next = 0;
  private readonly pending = new Map<number, (answer: { status: number; result: ApiResult<unknown> }) => void>();

  /** `code` pairs first ('-': already paired). */
  static start(
    lan: NetnsLan,
    host: string,
    bundle: string,
    dataDir: string,
    server: string,
    code: string,
    name: string,
  ) {
    return new DeskProcess(inNamespace(lan, host, bundle, [dataDir, server, code, name]));
  }

  protected override take(line: string): void {
    super.take(line);
    if (!line.startsWith('{"id"')) return;
    const answer = JSON.parse(line) as { id: number; status: number; result: ApiResult<unknown> };
    this.pending.get(answer.id)?.(answer);
    this.pending.delete(answer.id);
  }

  async ready(): Promise<void> {
    const match = await this.waitFor(/^\{"(ready|failed)"/);
    const parsed = JSON.parse(match.input ?? '{}') as { failed?: string };
    if (parsed.failed) throw new Error(parsed.failed);
  }

  /** A contract call from the desk's browser `session`, through the desk's own web server. */
  call(session: string, method: string, input: unknown): Promise<ApiResult<unknown>> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.pending.set(id, (answer) => resolve(answer.result));
      this.child.stdin.write(`${JSON.stringify({ id, session, method, input })}\n`);
    });
  }

  async ok<T>(session: string, method: string, input: unknown): Promise<T> {
    const result = await this.call(session, method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  }
}
