import { Group } from '@mantine/core';
import { useState } from 'react';
import { request } from '../../api';
import { pdfBlob, PdfButtons, printBlob } from '../documents/PdfActions';
import type { ReceiptFormat } from './payment-form';
import { ReceiptFormatPicker } from './PaymentBits';

/** Sends the receipt to the printer at once, as the counter does after every payment. Resolves with its file name. */
export async function printReceipt(paymentId: number, format: ReceiptFormat): Promise<string> {
  const file = await request('payments.receipt', { id: paymentId, format });
  printBlob(pdfBlob(file));
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
      <PdfButtons load={() => request('payments.receipt', { id: paymentId, format })} />
    </Group>
  );
}
