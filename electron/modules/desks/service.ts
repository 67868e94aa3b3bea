import type { DeskDto, PairAnswer, PairingCodeDto } from '../../../shared/api';
import type { Clock } from '../../clock';
import { nativeHandle } from '../../db/data-source';
import type { Actor, Database } from '../../db/database';
import { DeskEntity, type DeskRow } from '../../db/entities';
import { preparedOn } from '../../db/rows';
import { AppError, notFound } from '../../errors';
import { credentialHash, newDeskCredential } from './credentials';
import { PAIRING_MAX_ATTEMPTS, PairingCodes, type PairingCheck } from './pairing';

/** Where desks reach this office server; null on a standalone PC or a desk. */
export interface OfficeIdentity {
  addresses: string[];
  /** SHA-256 of the server's certificate, AB:CD:… */
  fingerprint: string;
}

export interface PairedDesk {
  id: number;
  name: string;
}

const PAIRING_REFUSALS: Record<Exclude<PairingCheck, 'ok'>, string> = {
  none: "Aucun code d'appairage en cours : demandez-en un à l'administrateur.",
  expired: "Ce code d'appairage a expiré : demandez-en un nouveau à l'administrateur.",
  wrong: "Code d'appairage incorrect.",
  exhausted: `Code d'appairage incorrect ${PAIRING_MAX_ATTEMPTS} fois : il est annulé, demandez-en un nouveau.`,
};

const FIND_BY_HASH = 'SELECT id, name, revoked_at AS revokedAt FROM desks WHERE credential_hash = ?';

/** The desks of an office server: pairing, the check of every call's credential, and the admin's list. */
export class DeskService {
  private readonly codes = new PairingCodes();
  private readonly lastSeen = new Map<number, string>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly office: OfficeIdentity | null,
  ) {}

  async issueCode(actor: Actor): Promise<PairingCodeDto> {
    const office = this.office;
    if (!office) {
      throw new AppError('CONFLICT', "Ce poste n'est pas un serveur de bureau : il ne peut pas appairer de postes.");
    }
    return this.db.write(actor, 'desks.pairingCode', async (tx) => {
      const { code, expiresAt } = this.codes.issue(tx.now.getTime());
      // The code itself stays out of the log: whoever reads the log must not be able to pair with it.
      await tx.audit({ action: 'desks.pairingCode', entity: 'desk', summary: { expiresAt: iso(expiresAt) } });
      return { code, expiresAt: iso(expiresAt), addresses: office.addresses, fingerprint: office.fingerprint };
    });
  }

  /** A desk offers the code and its name; it gets its credential, shown this once. */
  async pair(code: string, name: string): Promise<PairAnswer> {
    const actor: Actor = { userId: null, username: null, desk: name };
    const check = this.codes.consume(code, this.clock.now().getTime());
    if (check !== 'ok') throw new AppError('DESK_REFUSED', PAIRING_REFUSALS[check]);
    const credential = newDeskCredential();
    const row = await this.db.write(actor, 'desks.pair', async (tx) => {
      await this.assertNameFree(tx.em, name, null);
      const saved = await tx.em.save(DeskEntity, {
        name,
        credentialHash: credentialHash(credential),
        pairedAt: tx.now.toISOString(),
        revokedAt: null,
      });
      await tx.audit({ action: 'desks.pair', entity: 'desk', entityId: saved.id, summary: { name } });
      return saved;
    });
    return { deskId: row.id, name: row.name, credential };
  }

  /** The desk behind a credential, or null (unknown or revoked): read on every call, so a revocation acts at once. */
  authenticate(credential: string): PairedDesk | null {
    const row = preparedOn(nativeHandle(this.db.dataSource), FIND_BY_HASH).get(credentialHash(credential)) as
      { id: number; name: string; revokedAt: string | null } | undefined;
    if (!row || row.revokedAt !== null) return null;
    this.lastSeen.set(row.id, this.clock.now().toISOString());
    return { id: row.id, name: row.name };
  }

  async list(): Promise<DeskDto[]> {
    const rows = await this.db.reader.find(DeskEntity, { order: { revokedAt: 'ASC', name: 'ASC' } });
    return rows.map((row) => this.toDto(row));
  }

  async rename(actor: Actor, id: number, name: string): Promise<DeskDto> {
    const row = await this.db.write(actor, 'desks.rename', async (tx) => {
      const before = await this.find(tx.em, id);
      if (before.revokedAt) throw new AppError('CONFLICT', 'Ce poste est révoqué : il ne peut plus être renommé.');
      await this.assertNameFree(tx.em, name, id);
      await tx.em.update(DeskEntity, { id }, { name });
      await tx.audit({ action: 'desks.rename', entity: 'desk', entityId: id, summary: { name: [before.name, name] } });
      return { ...before, name };
    });
    return this.toDto(row);
  }

  async revoke(actor: Actor, id: number): Promise<DeskDto> {
    const row = await this.db.write(actor, 'desks.revoke', async (tx) => {
      const before = await this.find(tx.em, id);
      if (before.revokedAt) return before;
      const revokedAt = tx.now.toISOString();
      await tx.em.update(DeskEntity, { id }, { revokedAt });
      await tx.audit({ action: 'desks.revoke', entity: 'desk', entityId: id, summary: { name: before.name } });
      return { ...before, revokedAt };
    });
    return this.toDto(row);
  }

  private async find(em: Database['reader'], id: number): Promise<DeskRow> {
    const row = await em.findOneBy(DeskEntity, { id });
    if (!row) throw notFound('Poste');
    return row;
  }

  /** Two desks in use cannot share a name: it is their cash drawer's name. */
  private async assertNameFree(em: Database['reader'], name: string, self: number | null): Promise<void> {
    const taken = await em.findOneBy(DeskEntity, { name });
    if (taken && taken.id !== self && taken.revokedAt === null) {
      throw new AppError('CONFLICT', `Un poste s'appelle déjà « ${name} ».`, { name: 'Nom déjà utilisé.' });
    }
  }

  private toDto(row: DeskRow): DeskDto {
    return {
      id: row.id,
      name: row.name,
      pairedAt: row.pairedAt,
      lastSeenAt: this.lastSeen.get(row.id) ?? null,
      revokedAt: row.revokedAt,
    };
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
