import { mkdirSync } from 'node:fs';
import { startHttpTransport, type HttpTransport } from '../transport/http';
import type { DeskArgs } from './args';
import { OfficeLink, type OfficeLinkOptions } from './office-link';
import { pairDesk } from './pair';
import { readDeskPairing } from './pairing-file';
import { DeskStartError } from './errors';

export { DeskStartError };

export interface DeskWeb {
  transport: HttpTransport;
  link: OfficeLink;
  close(): Promise<void>;
}

/**
 * The web mode as a desk of an office server: no database here; the local web server (127.0.0.1) serves the renderer
 * and forwards every contract call to the server over the pinned HTTPS link. Pairs first when given a code.
 */
export async function startDeskWeb(
  options: DeskArgs & { dataDir: string; port: number; rendererDir: string; link?: OfficeLinkOptions },
  say: (line: string) => void = console.log,
): Promise<DeskWeb> {
  mkdirSync(options.dataDir, { recursive: true });
  if (options.pair !== undefined) {
    const paired = await pairDesk({
      dataDir: options.dataDir,
      server: options.server,
      code: options.pair,
      name: options.name,
      fingerprint: options.fingerprint,
    });
    say(`Poste « ${paired.name} » appairé au serveur ${paired.server}.`);
    say(`Empreinte du serveur : ${paired.fingerprint} (comparez-la avec celle qu'affiche le serveur).`);
  }
  const pairing = readDeskPairing(options.dataDir);
  if (!pairing) {
    throw new DeskStartError(
      "Ce poste n'est pas appairé : demandez un code d'appairage à l'administrateur et lancez-le avec --pair CODE.",
    );
  }
  // The certificate stays pinned; the server's address may have changed on the LAN.
  const link = new OfficeLink({ ...pairing, server: new URL(options.server).origin }, options.link);
  const transport = await startHttpTransport(link, options.rendererDir, options.port);
  return {
    transport,
    link,
    close: async () => {
      await transport.close();
      link.close();
    },
  };
}
