import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Input, MethodName, Output } from '../../shared/api';
import { openCore, type Core } from '../../electron/core';
import { findDocument } from '../../electron/modules/documents/repository';
import { printableOf, renderDocument } from '../../electron/modules/documents/printing';
import { fullCompany } from '../support/documents';
import { proformaHtml } from './proforma-html';
import { percentile, type Measure } from './report';

const CHANNEL = 'bench-pdf';
const WARM_UP = 30;
const RUNS = 300;
const PEER_RUNS = 60;
const RENEWALS = 1000;

async function call<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await core.registry.dispatch(CHANNEL, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Output<M>;
}

/** A fresh office with its company, and one client per renewal to issue (a .ma domain due in two weeks). */
async function office(dataDir: string): Promise<{ core: Core; domains: { clientId: number; serviceId: number }[] }> {
  const core = await openCore({ dataDir, log: () => undefined });
  await call(core, 'auth.setupAdmin', { username: 'bench', displayName: 'Banc d’essai', password: 'bench-secret-1' });
  await call(core, 'settings.saveCompany', fullCompany);
  const domain = (await call(core, 'catalog.list', {})).find((p) => p.code === 'DOM.MA');
  if (!domain) throw new Error('No .ma domain in the catalogue');
  const today = new Date();
  const start = `${today.getUTCFullYear() - 1}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-01`;
  const paidUntil = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-01`;
  const domains = [];
  for (let i = 0; i < RENEWALS + 1; i++) {
    const client = await call(core, 'clients.create', {
      kind: i % 2 ? 'company' : 'individual',
      companyName: i % 2 ? `Atlas Services ${i}` : '',
      legalForm: i % 2 ? 'SARL' : '',
      ice: i % 2 ? '002345678000091' : '',
      firstName: i % 2 ? '' : 'محمد',
      lastName: i % 2 ? '' : `العلوي ${i}`,
      address: '45, avenue Hassan II',
      city: 'Rabat',
      phones: [`06610${String(i).padStart(5, '0')}`],
    });
    const service = await call(core, 'services.create', {
      clientId: client.id,
      productId: domain.id,
      label: `client-${i}.ma`,
      startDate: start,
      paidUntil,
    });
    domains.push({ clientId: client.id, serviceId: service.id });
  }
  return { core, domains };
}

async function issueRenewal(core: Core, d: { clientId: number; serviceId: number }): Promise<number> {
  const draft = await call(core, 'documents.saveDraft', {
    clientId: d.clientId,
    lines: [{ kind: 'service', serviceId: d.serviceId }],
  });
  await call(core, 'documents.issue', { id: draft.id });
  return draft.id;
}

/**
 * The proforma PDF (SPEC §10): PDFKit with embedded fonts, from the stored document, beside the same proforma as HTML
 * printed by Debian's Chromium page.pdf() in a warm browser; and 1,000 renewal proformas issued (numbered, frozen and
 * sealed: each one rendered for its SHA-256) through the API.
 */
export async function pdfMeasures(): Promise<Measure[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-pdf-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const { core, domains } = await office(dataDir);
    const [first, ...renewals] = domains;
    if (!first) throw new Error('No client');
    const id = await issueRenewal(core, first);
    const row = await findDocument(core.db.reader, id);

    for (let i = 0; i < WARM_UP; i++) await renderDocument(core.db.reader, row, 'original');
    const ours: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await renderDocument(core.db.reader, row, 'original');
      ours.push(performance.now() - started);
    }

    const html = proformaHtml(await printableOf(core.db.reader, row, 'original'));
    const page = await browser.newPage();
    // A file: page, so that the fonts load from disk as the PDF's do; they stay cached across runs (a warm browser).
    const blank = path.join(dataDir, 'blank.html');
    writeFileSync(blank, '<!doctype html><title>peer</title>');
    await page.goto(pathToFileURL(blank).href);
    const printHtml = async () => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({ format: 'A4', printBackground: true });
    };
    for (let i = 0; i < 10; i++) await printHtml();
    const peer: number[] = [];
    for (let i = 0; i < PEER_RUNS; i++) {
      const started = performance.now();
      await printHtml();
      peer.push(performance.now() - started);
    }

    const each: number[] = [];
    const batchStarted = performance.now();
    for (const d of renewals) {
      const started = performance.now();
      await issueRenewal(core, d);
      each.push(performance.now() - started);
    }
    const batchSeconds = (performance.now() - batchStarted) / 1000;
    await core.close();

    const p95 = percentile(ours, 95);
    return [
      {
        name: 'pdf.proforma',
        value: p95,
        unit: 'ms',
        budget: 15,
        peer: percentile(peer, 95),
        maxRatio: 1 / 3,
        detail: `p95 of ${RUNS} renderings from the database (median ${percentile(ours, 50).toFixed(2)} ms) vs Chromium page.pdf() p95 of ${PEER_RUNS} (median ${percentile(peer, 50).toFixed(2)} ms)`,
        breakdown: [
          {
            label: 'median',
            value: percentile(ours, 50),
            peer: percentile(peer, 50),
            detail: 'the same renderings at the median, beside Chromium’s median',
          },
        ],
      },
      {
        name: 'pdf.renewals1000',
        value: batchSeconds,
        unit: 's',
        budget: 20,
        peer: null,
        detail: `${RENEWALS} renewal proformas drafted, issued (numbered, frozen) and sealed (rendered for their SHA-256) through the API (each: median ${percentile(each, 50).toFixed(2)} ms, p95 ${percentile(each, 95).toFixed(2)} ms)`,
      },
    ];
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
