import os from 'node:os';

/** The addresses desks can use: the one the server listens on, or every LAN address of the PC. */
export function deskAddresses(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`https://${host.includes(':') ? `[${host}]` : host}:${port}`];
  const found: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const item of list ?? []) {
      if (item.family === 'IPv4' && !item.internal) found.push(`https://${item.address}:${port}`);
    }
  }
  return found.length > 0 ? found : [`https://127.0.0.1:${port}`];
}
