import { BillingStream } from './billing/stream';
import { Buyers, readCompany, sellerJson } from './billing/snapshots';
import { Writer } from './billing/writer';
import type { Stage } from './stage';

/**
 * Ten years of proformas, invoices, credit notes, payments with their allocations, cash sessions and movements, and
 * the services' events, written day by day as planned by the services stage.
 */
export const billingStage: Stage = {
  name: 'billing',
  run({ db, rng, state, progress }) {
    const plan = state.plan;
    if (!plan) throw new Error('The billing stage needs the plan of the services stage.');
    const company = readCompany(db);
    const writer = new Writer(db, {
      proforma: company.prefixes.proforma,
      invoice: company.prefixes.invoice,
      credit_note: company.prefixes.creditNote,
      receipt: company.prefixes.receipt,
    });
    const stream = new BillingStream(plan, writer, new Buyers(db), sellerJson(company), rng.fork());
    const { endDay } = plan.calendar;
    for (let day = 0; day <= endDay; day++) {
      stream.run(day);
      if (day % 365 === 364 || day === endDay) progress(day + 1, endDay + 1);
    }
    writer.counters();
    // The plan is no longer needed: let it go before the search index is built.
    delete state.plan;
    return writer.rows;
  },
};
