import { DateTime } from 'luxon';
import { companySettingsSchema } from '../../../shared/company';
import { ZONE } from '../../../shared/dates';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import { reserveNumbers } from '../../db/counters';
import type { Database } from '../../db/database';
import { nativeHandle } from '../../db/data-source';
import { ClientEntity, ClientEmailEntity, ClientPhoneEntity, UserEntity } from '../../db/entities';
import { spreadsheetPhone } from '../../../shared/phone';
import { toCsv } from '../../csv';
import { AppError, notFound } from '../../errors';
import { clientDataPdf } from '../../pdf/client-data';
import { readSection } from '../settings/store';
import { COMPANY } from '../settings/handlers';
import { anonymizeClient, retentionBlockers } from './anonymize';
import { bulkInsertClients } from './bulk-insert';
import { checkImport } from './import';
import { CLIENT_SERIES, clientHistory, loadClient } from './repository';

const STATUS_FR = { active: 'Actif', suspended: 'Suspendu', abandoned: 'Abandonné', terminated: 'Résilié' } as const;

export interface ClientDataDeps {
  db: Database;
  clock: Clock;
  /** The demo office, loaded on demand (kept out of the start-up path). */
  demoClients: () => Promise<Parameters<typeof bulkInsertClients>[1]>;
}

// Map.groupBy needs Node 21; the web mode runs on Node 20.
function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function stamp(now: Date): string {
  return DateTime.fromJSDate(now, { zone: ZONE }).toFormat('yyyy-LL-dd-HHmm');
}

export function registerClientDataHandlers(registry: Registry, { db, clock, demoClients }: ClientDataDeps): void {
  registry.register('clients.exportData', async (input, ctx) => {
    const client = await loadClient(db.reader, input.id);
    const now = clock.now();
    const user = await db.reader.findOneBy(UserEntity, { id: ctx.actor.userId ?? 0 });
    const company = await readSection(db.reader, COMPANY, companySettingsSchema);
    const entries = await clientHistory(db.reader, input.id);
    const exportedBy = user?.displayName ?? ctx.actor.username ?? '';
    const pdf = await clientDataPdf({
      client,
      history: entries,
      companyName: company?.name ?? 'Guichet',
      exportedAt: now,
      exportedBy,
    });
    const json = JSON.stringify({ exportedAt: now.toISOString(), exportedBy, client, history: entries }, null, 2);
    // The export itself is an access to personal data: logged, like every change.
    await db.write(ctx.actor, 'clients.exportData', (tx) =>
      tx.audit({
        action: 'clients.exportData',
        entity: 'client',
        entityId: input.id,
        summary: { formats: ['json', 'pdf'] },
      }),
    );
    return { fileBase: `donnees-${client.code}-${stamp(now)}`, json, pdf: pdf.toString('base64') };
  });

  registry.register('clients.anonymize', async (input, ctx) => {
    await db.write(ctx.actor, 'clients.anonymize', async (tx) => {
      const row = await tx.em.findOneBy(ClientEntity, { id: input.id });
      if (!row) throw notFound('Client');
      if (row.anonymizedAt) throw new AppError('CONFLICT', 'Ce client est déjà anonymisé.');
      const blockers = await retentionBlockers(tx.em, input.id, tx.now);
      if (blockers.length > 0) {
        throw new AppError('CONFLICT', `Anonymisation impossible : ${blockers.join(' ; ')}`);
      }
      await anonymizeClient(tx.em, row, tx.now.toISOString());
      await tx.audit({
        action: 'clients.anonymize',
        entity: 'client',
        entityId: input.id,
        summary: { reason: input.reason },
      });
    });
    return loadClient(db.reader, input.id);
  });

  registry.register('clients.importPreview', (input) => {
    const { clients: _clients, ...preview } = checkImport(input.csv, input.mapping);
    return Promise.resolve(preview);
  });

  registry.register('clients.importCommit', async (input, ctx) => {
    const checked = checkImport(input.csv, input.mapping);
    if (checked.rows.length === 0) throw new AppError('VALIDATION', 'Le fichier ne contient aucune ligne de client.');
    if (checked.invalid > 0) {
      const lines = checked.rows.filter((r) => Object.keys(r.errors).length > 0).map((r) => r.line);
      throw new AppError(
        'VALIDATION',
        `${checked.invalid} ligne${checked.invalid > 1 ? 's' : ''} invalide${checked.invalid > 1 ? 's' : ''} (${lines.slice(0, 10).join(', ')}${lines.length > 10 ? '…' : ''}) : rien n'a été importé.`,
      );
    }
    const created = await db.write(ctx.actor, 'clients.importCommit', async (tx) => {
      const first = await reserveNumbers(tx.em, CLIENT_SERIES, checked.clients.length);
      const ids = bulkInsertClients(
        nativeHandle(db.dataSource),
        checked.clients,
        first,
        tx.now.toISOString(),
        ctx.actor.userId,
      );
      // One chained entry per client created, so each client's history starts with its import line.
      for (const [i, id] of ids.entries()) {
        await tx.audit({
          action: 'clients.import',
          entity: 'client',
          entityId: id,
          summary: { line: checked.rows[i]?.line },
        });
      }
      await tx.audit({ action: 'clients.importCommit', entity: 'client-import', summary: { created: ids.length } });
      return ids.length;
    });
    return { created };
  });

  registry.register('clients.exportCsv', async (input, ctx) => {
    const clients = await db.reader.find(ClientEntity, {
      where: input.status ? { status: input.status } : {},
      order: { id: 'ASC' },
    });
    const phones = await db.reader.find(ClientPhoneEntity, { order: { clientId: 'ASC', position: 'ASC' } });
    const emails = await db.reader.find(ClientEmailEntity, { order: { clientId: 'ASC', position: 'ASC' } });
    const phonesOf = groupBy(phones, (p) => p.clientId);
    const emailsOf = groupBy(emails, (e) => e.clientId);
    const header = [
      'Code',
      'Type',
      'Prénom',
      'Nom',
      'Raison sociale',
      'Forme juridique',
      'Contact',
      'Téléphones',
      'E-mails',
      'Adresse',
      'Ville',
      'Pays',
      'ICE',
      'IF',
      'RC',
      'Patente',
      'CIN',
      'Passeport',
      'Langue',
      'Devise',
      'Statut',
      'Créé le',
    ];
    const rows = clients.map((c) => [
      c.code,
      c.kind === 'company' ? 'Entreprise' : 'Particulier',
      c.firstName,
      c.lastName,
      c.companyName,
      c.legalForm,
      c.contactPerson,
      (phonesOf.get(c.id) ?? []).map((p) => spreadsheetPhone(p.e164)).join(' / '),
      (emailsOf.get(c.id) ?? []).map((e) => e.email).join(' / '),
      c.address,
      c.city,
      c.country,
      c.ice,
      c.ifNumber,
      c.rcNumber,
      c.patente,
      c.cin,
      c.passport,
      c.language,
      c.currency,
      STATUS_FR[c.status],
      c.createdAt.slice(0, 10),
    ]);
    await db.write(ctx.actor, 'clients.exportCsv', (tx) =>
      tx.audit({
        action: 'clients.exportCsv',
        entity: 'client-export',
        summary: { rows: rows.length, status: input.status ?? 'tous' },
      }),
    );
    return { fileName: `clients-${stamp(clock.now())}.csv`, csv: toCsv([header, ...rows]) };
  });

  registry.register('clients.loadDemo', async (_input, ctx) => {
    if ((await db.reader.count(ClientEntity)) > 0) {
      throw new AppError('CONFLICT', 'Le bureau de démonstration ne se charge que dans une base sans clients.');
    }
    const clients = await demoClients();
    const created = await db.write(ctx.actor, 'clients.loadDemo', async (tx) => {
      const first = await reserveNumbers(tx.em, CLIENT_SERIES, clients.length);
      const ids = bulkInsertClients(
        nativeHandle(db.dataSource),
        clients,
        first,
        tx.now.toISOString(),
        ctx.actor.userId,
      );
      await tx.audit({ action: 'clients.loadDemo', entity: 'client-import', summary: { created: ids.length } });
      return ids.length;
    });
    return { created };
  });
}
