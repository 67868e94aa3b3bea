import type { Paper, PrinterDto } from '../../../shared/api/printing';

/** A page size in micrometres, as Electron's webContents.print takes it. */
export interface PageSize {
  width: number;
  height: number;
}

export interface PrintJob {
  pdf: Buffer;
  /** The printer's system name; null: the system's print dialog asks. */
  printer: string | null;
  pageSize: PageSize;
}

/**
 * The desk's printers as the main process reaches them (electron/shell/printer.ts); absent in web mode and in tests
 * of the core. The business code knows nothing of Electron.
 */
export interface DeskPrinter {
  printers(): Promise<PrinterDto[]>;
  print(job: PrintJob): Promise<void>;
}

const MICRONS_PER_POINT = 25_400 / 72;
const NAMED: Record<Paper, PageSize> = {
  roll80: { width: 80_000, height: 297_000 },
  a5: { width: 148_000, height: 210_000 },
  a4: { width: 210_000, height: 297_000 },
};

/**
 * The page size to print `pdf` on: the paper's width, and for the roll the receipt's own length (its first page's
 * MediaBox, in points), so the printer cuts where the receipt ends.
 */
export function pageSizeFor(paper: Paper, pdf: Buffer): PageSize {
  const size = NAMED[paper];
  if (paper !== 'roll80') return size;
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) return size;
  const height = Math.round((Number(box[4]) - Number(box[2])) * MICRONS_PER_POINT);
  return height > 0 ? { width: size.width, height } : size;
}
