/** The office link between a desk and its server (issue 18): paths and headers both sides use. */
export const OFFICE_PATHS = {
  /** GET, open to anyone: who this is and which contract it speaks (a desk checks it before pairing). */
  hello: '/office/hello',
  /** POST { code, name } → the desk's credential. */
  pair: '/office/pair',
  /** POST /api/<method>: one contract call, with the desk's credential. */
  api: '/api/',
} as const;

export const OFFICE_HEADERS = {
  credential: 'x-guichet-desk',
  contract: 'x-guichet-contract',
  /** The desk's own name for one staff session (a browser tab of the desk), so several cashiers can share a desk PC. */
  session: 'x-guichet-session',
} as const;

export interface OfficeHello {
  app: 'guichet-office';
  contractVersion: number;
}

/** Who must be updated when a desk and a server speak different versions of the contract. */
export function versionMismatch(desk: number, server: number, side: 'desk' | 'server'): string | null {
  if (desk === server) return null;
  const update = desk < server ? 'ce poste' : 'le serveur du bureau';
  const who = side === 'desk' ? 'Le serveur du bureau refuse ce poste' : 'Poste refusé';
  return `${who} : versions différentes (poste ${desk}, serveur ${server}). Mettez à jour ${update}.`;
}
