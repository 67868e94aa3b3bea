import type { ApiResult, PairAnswer } from '../../shared/api';
import { CONTRACT_VERSION } from '../../shared/api/desks';
import { OFFICE_HEADERS, OFFICE_PATHS, versionMismatch } from '../office/protocol';
import { LinkError, postToOffice } from './https-post';
import { DeskStartError } from './errors';
import { writeDeskPairing, type DeskPairing } from './pairing-file';
import { pinnedAgent, presentedCertificate } from './tls';

export interface PairOptions {
  dataDir: string;
  server: string;
  code: string;
  name: string;
  /** The fingerprint the server showed; without it the desk records the one it sees and prints it for comparison. */
  fingerprint?: string;
  contractVersion?: number;
}

export class PairingError extends DeskStartError {}

const normalise = (fingerprint: string) => fingerprint.trim().toUpperCase();

/**
 * Pairs this desk: reads the server's certificate, checks its fingerprint when one was given, then (over a connection
 * that trusts only that certificate) offers the one-time code and the desk's name, and keeps the credential it gets
 * in the data folder.
 */
export async function pairDesk(options: PairOptions): Promise<DeskPairing> {
  const server = new URL(options.server);
  if (server.protocol !== 'https:') throw new PairingError('Adresse du serveur attendue en https://HOTE:PORT.');
  const seen = await presentedCertificate(server.origin);
  if (options.fingerprint !== undefined && normalise(options.fingerprint) !== seen.fingerprint) {
    throw new PairingError(
      `Le serveur présente l'empreinte ${seen.fingerprint}, pas celle attendue : appairage refusé (rien n'a été envoyé).`,
    );
  }
  const version = options.contractVersion ?? CONTRACT_VERSION;
  const agent = pinnedAgent(seen.pem, seen.fingerprint);
  try {
    const {
      status,
      version: serverVersion,
      body,
    } = await postToOffice(
      new URL(OFFICE_PATHS.pair, server),
      agent,
      { [OFFICE_HEADERS.contract]: String(version) },
      JSON.stringify({ code: options.code, name: options.name }),
      15_000,
    ).catch((error: unknown) => {
      throw new PairingError(`Serveur injoignable : ${error instanceof LinkError ? error.message : String(error)}`);
    });
    const mismatch = versionMismatch(version, serverVersion, 'server');
    if (mismatch) throw new PairingError(mismatch);
    const result = JSON.parse(body) as ApiResult<PairAnswer>;
    if (!result.ok) throw new PairingError(result.error.message);
    if (status !== 200) throw new PairingError(`Réponse inattendue du serveur (HTTP ${status}).`);
    const pairing: DeskPairing = {
      server: server.origin,
      certificate: seen.pem,
      fingerprint: seen.fingerprint,
      credential: result.value.credential,
      deskId: result.value.deskId,
      name: result.value.name,
      pairedAt: new Date().toISOString(),
    };
    writeDeskPairing(options.dataDir, pairing);
    return pairing;
  } finally {
    agent.destroy();
  }
}
