import type { EinvoiceSettings } from '../../../../shared/api/einvoice';

/** What an adapter is given: one issued document's UBL file. */
export interface Submission {
  documentId: number;
  number: string;
  fileName: string;
  xml: string;
}

/**
 * What the platform answered. "submitted": handed over, the answer comes later (or never, for a folder); "cleared":
 * accepted with the platform's reference and instant; "rejected": refused, with its reason. A failure to reach the
 * platform is thrown: the queue keeps the document pending and tries again with back-off.
 */
export type SubmissionOutcome =
  | { state: 'submitted'; reference: string }
  | { state: 'cleared'; reference: string; at: string }
  | { state: 'rejected'; reason: string };

/**
 * One way of submitting e-invoices (one file per adapter). When the DGI publishes its platform's API, it is one more
 * adapter here and one more name in EINVOICE_ADAPTERS.
 */
export interface EinvoiceAdapter {
  /** False for "none": documents are then "not required" and never queued. */
  submits: boolean;
  submit(submission: Submission, settings: EinvoiceSettings): Promise<SubmissionOutcome>;
}
