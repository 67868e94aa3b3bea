import type { Paper, PrintOutcomeDto, PrintTarget } from '../../../shared/api/printing';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { AppError } from '../../errors';
import { readDeskPrintSettings, writeDeskPrintSettings } from './desk-settings';
import { pageSizeFor, type DeskPrinter } from './printer';
import { testPagePdf } from './test-page';

export interface PrintingDeps {
  db: Database;
  clock: Clock;
  dataDir: string;
  /** The desktop app's printers; absent in web mode (the browser's dialog prints there). */
  printer?: DeskPrinter;
}

const WEB_MODE = new AppError(
  'CONFLICT',
  "L'impression directe n'existe que dans l'application de bureau : le navigateur ouvre sa boîte de dialogue.",
);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function registerPrintingHandlers(registry: Registry, { db, clock, dataDir, printer }: PrintingDeps): void {
  const deskPrinter = (): DeskPrinter => {
    if (!printer) throw WEB_MODE;
    return printer;
  };

  /** Sends a PDF to the desk's printer for `target`, without a dialog unless the desk says "ask every time". */
  async function print(pdf: Buffer, target: PrintTarget, paper: Paper): Promise<PrintOutcomeDto> {
    const settings = await readDeskPrintSettings(dataDir);
    const name = target === 'receipt' ? settings.receiptPrinter : settings.documentPrinter;
    try {
      await deskPrinter().print({ pdf, printer: name, pageSize: pageSizeFor(paper, pdf) });
    } catch (error) {
      if (error instanceof AppError) throw error;
      const where = name ? ` sur « ${name} »` : '';
      throw new AppError('CONFLICT', `L'impression${where} a échoué : ${messageOf(error)}`);
    }
    return { printer: name, paper };
  }

  registry.register('printing.settings', async () => ({
    available: printer !== undefined,
    settings: await readDeskPrintSettings(dataDir),
  }));

  registry.register('printing.printers', () => deskPrinter().printers());

  registry.register('printing.saveSettings', async (input, ctx) => {
    // The file is this PC's; the change is in the office's audit log like every setting.
    await db.write(ctx.actor, 'printing.saveSettings', async (tx) => {
      const before = await readDeskPrintSettings(dataDir);
      await writeDeskPrintSettings(dataDir, input);
      await tx.audit({ action: 'printing.saveSettings', entity: 'desk', summary: { before, after: input } });
    });
    return input;
  });

  registry.register('printing.print', (input) => print(Buffer.from(input.pdf, 'base64'), input.target, input.paper));

  registry.register('printing.testPage', async (input) => {
    deskPrinter();
    const settings = await readDeskPrintSettings(dataDir);
    const paper: Paper = input.target === 'receipt' ? settings.receiptPaper : 'a4';
    const name = input.target === 'receipt' ? settings.receiptPrinter : settings.documentPrinter;
    return print(await testPagePdf(paper, name, clock.now()), input.target, paper);
  });
}
