import type { Paper, PdfFileDto, PrintOutcomeDto, PrintTarget } from '../../../shared/api';
import { request } from '../../api';

/** Where and on what a PDF prints: the desk's receipt printer (80 mm roll or A5) or its document printer (A4). */
export interface PrintPlace {
  target: PrintTarget;
  paper: Paper;
}

export const DOCUMENT_PRINT: PrintPlace = { target: 'document', paper: 'a4' };

/** The receipt's layout picked at the counter, as the paper the receipt printer is given. */
export function receiptPrint(format: 'thermal' | 'a5'): PrintPlace {
  return { target: 'receipt', paper: format === 'a5' ? 'a5' : 'roll80' };
}

/**
 * True in the desktop app: the main process prints on the desk's printer, without a dialog and without any print
 * frame in the page. In web mode the browser's dialog prints (PdfActions' printBlob).
 */
export function printsOnDesk(): boolean {
  return window.guichet !== undefined;
}

/** Sends a PDF the main process made to the desk's printer (typed contract: printing.print). */
export function printOnDesk(file: PdfFileDto, place: PrintPlace): Promise<PrintOutcomeDto> {
  return request('printing.print', { pdf: file.pdf, ...place });
}
