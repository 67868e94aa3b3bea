import type https from 'node:https';
import { request } from 'node:https';
import { OFFICE_HEADERS } from '../office/protocol';

export interface OfficeAnswer {
  status: number;
  /** The contract version the server speaks (its answer's header). */
  version: number;
  body: string;
}

/** A request that failed on the link; `sent` when it may have reached the server (its effect is then unknown). */
export class LinkError extends Error {
  constructor(
    readonly reason: unknown,
    readonly sent: boolean,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** One JSON POST to the office server through the desk's pinned agent; link failures reject with a LinkError. */
export function postToOffice(
  url: URL,
  agent: https.Agent,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<OfficeAnswer> {
  return new Promise((resolve, reject) => {
    let sent = false;
    const req = request(url, {
      method: 'POST',
      agent,
      timeout: timeoutMs,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
    });
    req.on('finish', () => (sent = true));
    req.on('timeout', () => req.destroy(new Error('délai dépassé')));
    req.on('error', (error) => reject(new LinkError(error, sent)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => reject(new LinkError(error, true)));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          version: Number(res.headers[OFFICE_HEADERS.contract]),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.end(body);
  });
}
