import type { Messages } from './types';
import type { einvoiceFr } from './einvoice.fr';

/** English texts of e-invoicing (joined into en.ts under `einvoice`). */
export const einvoiceEn: Messages<typeof einvoiceFr> = {
  state: {
    not_required: 'Not required',
    pending: 'Pending',
    submitted: 'Submitted',
    cleared: 'Cleared',
    rejected: 'Rejected',
  },
  filter: 'E-invoice',
  panel: {
    title: 'E-invoice',
    reference: 'Reference: {{reference}}',
    clearedAt: 'Cleared on {{date}}',
    reason: 'Rejection reason: {{reason}}',
    retry: 'Submission failed ({{count}} attempt(s)): {{error}}. Next attempt on {{date}}.',
    history: 'History',
    notRequired: 'No submission mode was chosen when it was issued.',
    download: 'Download UBL',
  },
  export: {
    button: 'Export as UBL',
    needPeriod: 'Choose a period (from… to…) to export the invoices and credit notes as UBL.',
    done: 'File {{file}} downloaded.',
  },
  section: {
    title: 'Electronic invoicing',
    intro:
      'Every invoice and credit note also exists as UBL 2.1 (OASIS standard). Files are submitted through the chosen mode; when the DGI publishes its platform, it will be one more mode.',
    adapter: 'Submission mode',
    adapters: {
      none: 'None (not required)',
      folder: 'Drop folder (accountant)',
    },
    folder: 'Drop folder',
    folderHint: 'A folder on this PC or a share, e.g. D:\\Invoices\\UBL',
    referenceRate: '{{currency}} reference rate (MAD for 1)',
    referenceHint: 'For the dirham equivalent when no rate was typed at the counter.',
    save: 'Save',
    saved: 'E-invoicing settings saved.',
    counts: 'Pending: {{pending}} · Submitted: {{submitted}} · Cleared: {{cleared}} · Rejected: {{rejected}}',
    failing: 'Failing submissions (retried automatically)',
    flush: 'Submit now',
    archiveTitle: 'Verifiable yearly archive',
    archiveIntro:
      "Original PDFs, UBL files, SHA-256 hashes and the audit log's head, with instructions for the inspector.",
    year: 'Year',
    archive: 'Create the archive',
    invalidRate: 'Invalid rate (e.g. 10.85).',
  },
};
