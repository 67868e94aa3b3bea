import type { CreditMode, InvoicePaymentDto } from '../../../shared/api/documents';
import type { Currency } from '../../../shared/money';
import type { DocumentTotals } from '../../../shared/totals';
import type { BuyerBlock, SellerBlock } from '../../pdf/commercial-document';

/** What a UBL file is made of: an issued invoice or credit note exactly as it was stored, never re-derived. */
export interface UblDocument {
  type: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  currency: Currency;
  seller: SellerBlock;
  buyer: BuyerBlock;
  lines: UblLine[];
  /** The stored totals (shared/totals.ts computed them when the lines were saved). */
  totals: DocumentTotals;
  payments: InvoicePaymentDto[];
  /** Credit notes: the invoice they correct. */
  corrects: { number: string; issueDate: string } | null;
  reason: string;
  creditMode: CreditMode | null;
  /** SHA-256 (hex) of the original PDF, sealed at issue; null until sealed. */
  pdfSha256: string | null;
  /** Documents in euros or dollars: dirhams per unit in millionths, and where that rate comes from. */
  mad: { rate: number; source: 'counter' | 'reference' } | null;
}

export interface UblLine {
  position: number;
  description: string;
  /** Thousandths. */
  quantity: number;
  unitPrice: number;
  vatRate: number;
  amountHt: number;
  periodFrom: string | null;
  periodTo: string | null;
}

/** The file names a document's PDF and UBL travel under (exports, the folder adapter, the archive). */
export const pdfFileName = (doc: { number: string }) => `${doc.number}.pdf`;
export const ublFileName = (doc: { number: string }) => `${doc.number}.xml`;
