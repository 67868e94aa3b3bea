import { Group } from '@mantine/core';
import { useState } from 'react';
import type { PaymentDto } from '../../../shared/api';
import { request } from '../../api';
import { pdfBlob, PdfButtons, printBlob } from '../documents/PdfActions';
import { DOCUMENT_PRINT, printOnDesk, printsOnDesk, receiptPrint } from '../documents/print';
import type { ReceiptFormat } from './payment-form';
import { ReceiptFormatPicker } from './PaymentBits';

/**
 * Sends the receipt to the printer at once, as the counter does after every payment. In the desktop app it goes to the
 * desk's receipt printer without a dialog, followed on the document printer by the invoices the payment issued when
 * the desk says so. Resolves with the receipt's file name.
 */
export async function printReceipt(payment: Pick<PaymentDto, 'id' | 'invoices'>, format: ReceiptFormat) {
  const file = await request('payments.receipt', { id: payment.id, format });
  if (!printsOnDesk()) {
    printBlob(pdfBlob(file));
    return file.fileName;
  }
  await printOnDesk(file, receiptPrint(format));
  const { settings } = await request('printing.settings', {});
  if (settings.printInvoicesWithReceipt) {
    for (const invoice of payment.invoices) {
      await printOnDesk(await request('documents.pdf', { id: invoice.id }), DOCUMENT_PRINT);
    }
  }
  return file.fileName;
}

/** "Reçu": the layout (80 mm roll or A5), then preview, print and save of the receipt as the main process makes it. */
export function ReceiptActions({
  paymentId,
  initialFormat = 'thermal',
}: {
  paymentId: number;
  initialFormat?: ReceiptFormat;
}) {
  const [format, setFormat] = useState<ReceiptFormat>(initialFormat);
  return (
    <Group gap="sm">
      <ReceiptFormatPicker value={format} onChange={setFormat} />
      <PdfButtons
        load={() => request('payments.receipt', { id: paymentId, format })}
        printPlace={receiptPrint(format)}
      />
    </Group>
  );
}
