import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PaymentDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { ClientName } from '../clients/ClientBits';
import { methodLabel, PaymentStatusBadge, ReceiptNumber, referenceLine } from './PaymentBits';

/**
 * Payments as rows: receipt number (the keyboard link), date, client, method and reference, where the money went, the
 * amount and the status; the whole row opens the payment. The client page leaves the client column out.
 */
export function PaymentTable({
  rows,
  dimmed = false,
  withClient = true,
  emptyText,
}: {
  rows: PaymentDto[];
  dimmed?: boolean;
  withClient?: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns = 5 + (withClient ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={withClient ? 900 : 760} type="native">
      <Table
        data-testid="payments-table"
        horizontalSpacing="sm"
        style={{ opacity: dimmed ? 0.6 : 1 }}
        styles={{ th: { whiteSpace: 'nowrap' } }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('payments.columns.number')}</Table.Th>
            {withClient && <Table.Th>{t('payments.columns.client')}</Table.Th>}
            <Table.Th>{t('payments.columns.method')}</Table.Th>
            <Table.Th w={150}>{t('payments.columns.allocations')}</Table.Th>
            <Table.Th w={150} ta="right">
              {t('payments.columns.amount')}
            </Table.Th>
            <Table.Th w={110}>{t('payments.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const reference = referenceLine(t, row);
            const targets = row.allocations.map((a) => a.documentNumber ?? '').filter(Boolean);
            return (
              <Table.Tr
                key={row.id}
                className="clickable-row"
                onClick={() => void navigate(`/payments/${row.id}`)}
                data-testid="payment-row"
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor
                    component={Link}
                    to={`/payments/${row.id}`}
                    className="row-link"
                    onClick={(event) => event.stopPropagation()}
                  >
                    <ReceiptNumber number={row.number} />
                  </Anchor>
                  <Text size="xs" c="dimmed" className="mono" data-testid="payment-date">
                    {formatDateTime(row.receivedAt)}
                  </Text>
                </Table.Td>
                {withClient && (
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm" fw={500} className="cell-truncate" title={row.clientName}>
                        <ClientName name={row.clientName} data-testid="payment-client" />
                      </Text>
                      <Text size="xs" c="dimmed" className="mono">
                        {row.clientCode}
                      </Text>
                    </Stack>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" data-testid="payment-method">
                    {methodLabel(t, row.method)}
                  </Text>
                  {reference && (
                    <Text size="xs" c="dimmed" className="cell-truncate" title={reference} maw={240}>
                      {reference}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0} data-testid="payment-targets">
                    {targets.map((target) => (
                      <Text key={target} size="sm" className="mono" style={{ whiteSpace: 'nowrap' }}>
                        {target}
                      </Text>
                    ))}
                  </Stack>
                  {row.credit > 0 && (
                    <Text size="xs" c="teal.8" style={{ whiteSpace: 'nowrap' }}>
                      {t('payments.toCredit')} {formatMoney(row.credit, row.currency)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text
                    size="sm"
                    className="mono"
                    fw={600}
                    style={{ whiteSpace: 'nowrap' }}
                    td={row.status === 'voided' ? 'line-through' : undefined}
                    data-testid="payment-amount"
                  >
                    {formatMoney(row.amount, row.currency)}
                  </Text>
                  {row.stampDuty > 0 && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('payments.withDuty', { amount: formatMoney(row.stampDuty, row.currency) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <PaymentStatusBadge status={row.status} />
                </Table.Td>
              </Table.Tr>
            );
          })}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text c="dimmed" ta="center" py="lg" size="sm">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
