import { launchConfig } from './config';
import { DatabaseTooNewError } from './db/data-source';
import { startAutomation } from './modules/automation/scheduler';
import { AppHost } from './modules/backup/host';
import { deskAddresses } from './office/addresses';
import { officeServerArgs } from './office/args';
import { loadOrCreateCertificate } from './office/certificate';
import { startOfficeServer } from './transport/https-server';

/**
 * `npm run server -- --data-dir D [--port P] [--host ADDR]`: the office server, headless (no Electron, no window), for
 * an always-on PC. It owns the database and serves the paired desks over HTTPS; logs go to stdout and stderr (the
 * service manager keeps them: journald, or the Windows service wrapper's log folder).
 */
async function main(): Promise<void> {
  const { dataDir } = launchConfig();
  const args = officeServerArgs();
  const tls = await loadOrCreateCertificate(dataDir);
  const addresses = deskAddresses(args.host, args.port);
  const host = await AppHost.start({
    dataDir,
    schedule: true,
    office: { addresses, fingerprint: tls.fingerprint },
  });
  const server = await startOfficeServer(host, { host: args.host, port: args.port, tls });
  host.attach((core) => startAutomation(core));
  console.log(`Guichet – serveur du bureau : ${server.url}`);
  for (const address of addresses) console.log(`Adresse pour les postes : ${address}`);
  console.log(`Empreinte SHA-256 du certificat : ${tls.fingerprint}`);
  console.log(`Données : ${dataDir}`);
  // A pairing code at every start (valid 10 minutes, once): the first desk has no other way to get one, and an office
  // without the desks' admin screen pairs the next desk by restarting the server.
  const core = host.core;
  if (core) {
    const pairing = await core.desks.issueCode({ userId: null, username: null });
    console.log(`Code d'appairage d'un poste : ${pairing.code} (valable jusqu'à ${pairing.expiresAt})`);
  }
  const stop = () => {
    void server
      .close()
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseTooNewError ? error.message : error);
  process.exit(1);
});
