import type { z } from 'zod';
import type { draftInputSchema } from '../../../shared/api/documents';
import { businessDate } from '../../../shared/dates';
import { nextPeriod } from '../../../shared/periods';
import type { Actor, WriteTx } from '../../db/database';
import { ClientEntity, DocumentEntity, DocumentLineEntity, ProductEntity, ServiceEntity } from '../../db/entities';
import { AppError, fieldError } from '../../errors';
import { extraHoursLines } from '../outsourcing/extra-lines';
import { outsourcingSettings } from '../outsourcing/settings';
import { lifecycleRules } from '../services/lifecycle';
import { insertLines, totalsColumns, totalsFor, type NewLine } from './lines';
import { lateFeeText, openProformas, priceService, serviceLineText } from './renewals';
import { findDocument } from './repository';

type DraftInput = z.output<typeof draftInputSchema>;

/** The lines of a draft: services priced by the catalogue (and their late fee), free lines as typed. */
async function draftLines(tx: WriteTx, input: DraftInput, draftId: number | undefined): Promise<NewLine[]> {
  const rules = await lifecycleRules(tx.em);
  const today = businessDate(tx.now);
  const serviceIds = input.lines.flatMap((l) => (l.kind === 'service' ? [l.serviceId] : []));
  const open = await openProformas(tx.em, serviceIds, draftId);
  const extrasOnRenewal = (await outsourcingSettings(tx.em)).extraHoursBilling === 'renewal';
  const seen = new Set<number>();
  const lines: NewLine[] = [];
  for (const [i, line] of input.lines.entries()) {
    const field = `lines.${i}`;
    if (line.kind === 'item') {
      if (line.productId !== null && !(await tx.em.existsBy(ProductEntity, { id: line.productId }))) {
        throw fieldError(`${field}.productId`, 'Produit inconnu.');
      }
      lines.push({ ...line, serviceId: null, periodFrom: null, periodTo: null, months: 0 });
      continue;
    }
    const service = await tx.em.findOneBy(ServiceEntity, { id: line.serviceId });
    if (service?.clientId !== input.clientId) throw fieldError(`${field}.serviceId`, 'Service inconnu pour ce client.');
    if (seen.has(service.id)) throw fieldError(`${field}.serviceId`, `Le service ${service.label} figure deux fois.`);
    seen.add(service.id);
    if (service.currency !== input.currency) {
      throw fieldError(`${field}.serviceId`, `Le service ${service.label} est facturé en ${service.currency}.`);
    }
    const taken = open.get(service.id);
    if (taken) {
      throw fieldError(
        `${field}.serviceId`,
        `Le service ${service.label} figure déjà sur la proforma ${taken.number ?? ''}.`,
      );
    }
    const product = await tx.em.findOneByOrFail(ProductEntity, { id: service.productId });
    const priced = await priceService(
      tx.em,
      service,
      product,
      input.currency,
      tx.now.toISOString(),
      today,
      rules[product.kind],
    );
    if (!priced.state.renewable) {
      throw fieldError(`${field}.serviceId`, `Le service ${service.label} ne peut plus être renouvelé.`);
    }
    if (priced.unitPrice === null) {
      throw fieldError(
        `${field}.serviceId`,
        `Aucun prix au catalogue pour ${product.name} sur cette périodicité en ${input.currency}.`,
      );
    }
    const months = priced.periodMonths * line.periods;
    const period = nextPeriod(service.anchorDate, service.paidMonths, months);
    lines.push({
      kind: 'service',
      serviceId: service.id,
      productId: product.id,
      description: serviceLineText(priced, line.periods),
      quantity: line.periods * 1000,
      unitPrice: priced.unitPrice,
      vatRate: product.vatRate,
      periodFrom: period.from,
      periodTo: period.to,
      months,
    });
    if (priced.lateFee > 0) {
      lines.push({
        kind: 'late_fee',
        serviceId: service.id,
        productId: product.id,
        description: lateFeeText(priced),
        quantity: 1000,
        unitPrice: priced.lateFee,
        vatRate: product.vatRate,
        periodFrom: null,
        periodTo: null,
        months: 0,
      });
    }
    // A monthly outsourcing contract's renewal carries the hours beyond those included in the months gone by.
    if (extrasOnRenewal) {
      lines.push(...(await extraHoursLines(tx.em, service, product, input.currency, tx.now.toISOString(), today)));
    }
  }
  return lines;
}

/** Creates or replaces a draft proforma; returns its id. */
export async function saveDraft(tx: WriteTx, actor: Actor, input: DraftInput): Promise<number> {
  const client = await tx.em.findOneBy(ClientEntity, { id: input.clientId });
  if (!client) throw fieldError('clientId', 'Client introuvable.');
  if (client.anonymizedAt) throw fieldError('clientId', 'Ce client a été anonymisé : plus aucun document.');
  if (input.id !== undefined) {
    const existing = await findDocument(tx.em, input.id);
    if (existing.type !== 'proforma' || existing.status !== 'draft') {
      throw new AppError('CONFLICT', 'Seul un brouillon peut être modifié ; annulez et dupliquez une proforma émise.');
    }
  }
  const lines = await draftLines(tx, input, input.id);
  const totals = totalsFor(lines);
  const at = tx.now.toISOString();
  const fields = {
    clientId: client.id,
    currency: input.currency,
    dueDate: input.dueDate,
    notes: input.notes,
    ...totalsColumns(totals),
    updatedAt: at,
  };
  let id = input.id;
  if (id === undefined) {
    const saved = await tx.em.save(DocumentEntity, {
      ...fields,
      type: 'proforma' as const,
      status: 'draft' as const,
      number: null,
      createdAt: at,
      createdBy: actor.username,
    });
    id = saved.id;
  } else {
    await tx.em.update(DocumentEntity, { id }, fields);
    await tx.em.delete(DocumentLineEntity, { documentId: id });
  }
  await insertLines(tx, id, lines);
  await tx.audit({
    action: 'documents.saveDraft',
    entity: 'document',
    entityId: id,
    summary: { client: client.code, currency: input.currency, lines: lines.length, ttc: totals.ttc },
  });
  return id;
}
