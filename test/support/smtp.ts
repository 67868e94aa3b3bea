import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the server received it: the envelope, and the MIME source read back into its parts. */
export interface Received {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface TestSmtpServer {
  port: number;
  received: Received[];
  /** Answers RCPT TO for this address with the given SMTP reply (e.g. 550 unknown mailbox, 451 try later). */
  refuse(address: string, code: number, message: string): void;
  /** Accepts this address again. */
  accept(address: string): void;
  /**
   * A slow server: from now on each message's final answer waits until `release()` (which also ends the hold).
   * `arrived` resolves when the first held message has been received whole.
   */
  hold(): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (plain, no login), recording what it accepts. */
export async function startSmtpServer(port = 0, received: Received[] = []): Promise<TestSmtpServer> {
  const refusals = new Map<string, { code: number; message: string }>();
  let held: { arrive: () => void; released: Promise<void> } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusals.get(address.address);
      if (!refusal) {
        callback();
        return;
      }
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void (async () => {
          if (held) {
            held.arrive();
            await held.released;
          }
          const envelope = session.envelope;
          received.push({
            from: envelope.mailFrom ? envelope.mailFrom.address : '',
            to: envelope.rcptTo.map((r) => r.address),
            ...parseMime(Buffer.concat(chunks).toString('latin1')),
          });
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    refuse: (address, code, message) => refusals.set(address, { code, message }),
    accept: (address) => refusals.delete(address),
    hold() {
      let arrive: () => void = () => undefined;
      let release: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      held = { arrive, released };
      return {
        arrived,
        release: () => {
          held = null;
          release();
        },
      };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function splitHeaders(part: string): { headers: Map<string, string>; body: string } {
  const at = part.indexOf('\r\n\r\n');
  const head = (at < 0 ? part : part.slice(0, at)).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: at < 0 ? '' : part.slice(at + 4) };
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const soft = text.replace(/=\r\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i] ?? '';
    if (ch === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(ch.charCodeAt(0));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words ("=?UTF-8?Q?Renouvellement_de_vos_services?="), as in a subject. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')).toString('utf8'),
    );
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

/** Reads a message as nodemailer builds it: a text part, and attachments in a multipart/mixed. */
export function parseMime(raw: string): Omit<Received, 'from' | 'to'> {
  const { headers, body } = splitHeaders(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const parts: { headers: Map<string, string>; body: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      parts.push(splitHeaders(chunk.replace(/^\r\n/, '')));
    }
  } else {
    parts.push({ headers, body });
  }
  let text = '';
  const attachments: Received['attachments'] = [];
  for (const part of parts) {
    const partType = part.headers.get('content-type') ?? 'text/plain';
    const content = decodeBody(part.body, part.headers.get('content-transfer-encoding')?.toLowerCase());
    const filename = /filename="?([^";]+)"?/i.exec(part.headers.get('content-disposition') ?? '')?.[1];
    if (filename)
      attachments.push({ filename: decodeWords(filename), contentType: partType.split(';')[0] ?? '', content });
    else if (partType.startsWith('text/plain')) text = content.toString('utf8').replace(/\r\n/g, '\n');
  }
  return {
    raw,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text,
    attachments,
  };
}
