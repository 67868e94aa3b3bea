import { Anchor, Button, Card, Divider, Group, Kbd, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconExternalLink, IconPlus, IconPrinter, IconUser } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PaymentDto } from '../../../shared/api';
import { formatMoney } from '../../../shared/money';
import { errorMessage, request } from '../../api';
import { ClientName } from '../clients/ClientBits';
import { pdfBlob, printBlob } from '../documents/PdfActions';
import type { ReceiptFormat } from './payment-form';
import { methodLabel, ReceiptNumber } from './PaymentBits';
import { ReceiptActions } from './ReceiptActions';

/** After "Encaisser": the receipt number, the invoices the payment issued, the receipt again, and the next payment. */
export function PaymentDone({
  payment,
  format,
  onNew,
}: {
  payment: PaymentDto;
  format: ReceiptFormat;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  useHotkeys([['F2', onNew]], []);
  // The panel takes the focus, not a button: a second Enter typed on the form's heels does nothing.
  const focusPanel = useCallback((element: HTMLDivElement | null) => element?.focus(), []);
  return (
    <Stack gap="md" maw={920} ref={focusPanel} tabIndex={-1} style={{ outline: 'none' }} data-testid="payment-done">
      <Card padding="xl">
        <Group gap="lg" align="flex-start" wrap="nowrap">
          <ThemeIcon color="green" variant="light" size={56} radius="xl">
            <IconCircleCheck size={32} stroke={1.6} />
          </ThemeIcon>
          <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" c="green.8" fw={700} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
              {t('payments.done.title')}
            </Text>
            <Title order={2} fz="h2" lh={1.2} data-testid="done-receipt">
              {t('payments.done.receipt')} <ReceiptNumber number={payment.number} size="inherit" />
            </Title>
            <Text fw={500}>
              <ClientName name={payment.clientName} />{' '}
              <Text span size="sm" c="dimmed" className="mono">
                {payment.clientCode}
              </Text>
            </Text>
          </Stack>
          <Stack gap={2} align="flex-end">
            <Text size="xs" c="dimmed">
              {t('payments.done.collected')} · {methodLabel(t, payment.method)}
            </Text>
            <Text fw={800} fz={30} lh={1.1} className="mono" c="brand.8" data-testid="done-collected">
              {formatMoney(payment.collected, payment.currency)}
            </Text>
            {payment.stampDuty > 0 && (
              <Text size="xs" c="dimmed" data-testid="done-stamp-duty">
                {t('payments.withDuty', { amount: formatMoney(payment.stampDuty, payment.currency) })}
              </Text>
            )}
            {payment.cashRounding !== 0 && (
              <Text size="xs" c="dimmed" data-testid="done-rounding">
                {t('payments.withRounding', { amount: formatMoney(payment.cashRounding, payment.currency) })}
              </Text>
            )}
          </Stack>
        </Group>
        <Divider my="lg" />
        <Stack gap="lg">
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('payments.done.invoices')}
            </Text>
            {payment.invoices.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('payments.done.noInvoice')}
              </Text>
            ) : (
              payment.invoices.map((invoice) => (
                <Group key={invoice.id} gap="md">
                  <Anchor
                    component={Link}
                    to={`/billing/${invoice.id}`}
                    className="mono"
                    fw={600}
                    data-testid="done-invoice"
                  >
                    {invoice.number}
                  </Anchor>
                  <PrintInvoiceButton invoiceId={invoice.id} />
                </Group>
              ))
            )}
            {payment.credit > 0 && (
              <Text size="sm" c="teal.8" fw={500} data-testid="done-credit">
                {t('payments.done.credit', { amount: formatMoney(payment.credit, payment.currency) })}
              </Text>
            )}
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('payments.receipt.format')}
            </Text>
            <Group gap="sm">
              <ReceiptActions paymentId={payment.id} initialFormat={format} />
            </Group>
          </Stack>
        </Stack>
      </Card>
      <Group gap="sm">
        <Button
          leftSection={<IconPlus size={16} />}
          rightSection={<Kbd size="xs">F2</Kbd>}
          onClick={onNew}
          data-testid="done-new"
        >
          {t('payments.done.again')}
        </Button>
        <Button
          component={Link}
          to={`/payments/${payment.id}`}
          variant="default"
          leftSection={<IconExternalLink size={16} />}
          data-testid="done-view"
        >
          {t('payments.done.view')}
        </Button>
        <Button
          component={Link}
          to={`/clients/${payment.clientId}`}
          variant="default"
          leftSection={<IconUser size={16} />}
        >
          {t('payments.done.client')}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Imprimer la facture": the invoice the payment issued, to the printer at once, beside the receipt. */
function PrintInvoiceButton({ invoiceId }: { invoiceId: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const print = () => {
    setBusy(true);
    request('documents.pdf', { id: invoiceId })
      .then(
        (file) => {
          printBlob(pdfBlob(file));
          notifications.show({ color: 'blue', message: t('documents.pdf.printingFile', { file: file.fileName }) });
        },
        (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPrinter size={14} />}
      loading={busy}
      onClick={print}
      data-testid="done-print-invoice"
    >
      {t('payments.done.printInvoice')}
    </Button>
  );
}
