import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DocumentSummaryDto } from '../../../shared/api';
import { formatMoney } from '../../../shared/money';
import { ClientName } from '../clients/ClientBits';
import { dateOrDash, DocumentNumber, DocumentStatusBadge } from './DocumentBits';

/**
 * Documents as rows: number (the keyboard link), client, dates, amounts and status; the whole row opens the document.
 * The client page leaves the client column out; the "Tous" tab adds the type.
 */
export function DocumentTable({
  rows,
  dimmed = false,
  withClient = true,
  withType = false,
  emptyText,
}: {
  rows: DocumentSummaryDto[];
  dimmed?: boolean;
  withClient?: boolean;
  withType?: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const none = t('common.none');
  const columns = 6 + (withClient ? 1 : 0) + (withType ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={withClient ? 980 : 820} type="native">
      <Table
        data-testid="documents-table"
        horizontalSpacing="sm"
        style={{ opacity: dimmed ? 0.6 : 1 }}
        styles={{ th: { whiteSpace: 'nowrap' } }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('documents.columns.number')}</Table.Th>
            {withType && <Table.Th w={110}>{t('documents.columns.type')}</Table.Th>}
            {withClient && <Table.Th>{t('documents.columns.client')}</Table.Th>}
            <Table.Th w={110}>{t('documents.columns.issueDate')}</Table.Th>
            <Table.Th w={110}>{t('documents.columns.dueDate')}</Table.Th>
            <Table.Th w={140} ta="right">
              {t('documents.columns.ttc')}
            </Table.Th>
            <Table.Th w={130} ta="right">
              {t('documents.columns.paid')}
            </Table.Th>
            <Table.Th w={150}>{t('documents.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              className="clickable-row"
              onClick={() => void navigate(`/billing/${row.id}`)}
              data-testid="document-row"
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/billing/${row.id}`}
                  className="row-link"
                  onClick={(event) => event.stopPropagation()}
                  aria-label={`${t(`documents.type.${row.type}`)} ${row.number ?? t('documents.draftNumber')}`}
                >
                  <DocumentNumber number={row.number} />
                </Anchor>
                {row.number === null && !withType && (
                  <Text size="xs" c="dimmed">
                    {t(`documents.type.${row.type}`)}
                  </Text>
                )}
              </Table.Td>
              {withType && <Table.Td>{t(`documents.typeShort.${row.type}`)}</Table.Td>}
              {withClient && (
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500} className="cell-truncate" title={row.clientName}>
                      <ClientName name={row.clientName} data-testid="document-client" />
                    </Text>
                    <Text size="xs" c="dimmed" className="mono">
                      {row.clientCode}
                    </Text>
                  </Stack>
                </Table.Td>
              )}
              <Table.Td className="mono">{dateOrDash(row.issueDate, none)}</Table.Td>
              <Table.Td className="mono">{dateOrDash(row.dueDate, none)}</Table.Td>
              <Table.Td ta="right" className="mono" fw={600} data-testid="document-ttc">
                {formatMoney(row.ttc, row.currency)}
              </Table.Td>
              <Table.Td ta="right" className="mono" c={row.paid > 0 ? undefined : 'dimmed'}>
                {row.type === 'proforma' && row.status !== 'draft' && row.status !== 'cancelled'
                  ? formatMoney(row.paid, row.currency)
                  : none}
              </Table.Td>
              <Table.Td>
                <DocumentStatusBadge type={row.type} status={row.status} />
              </Table.Td>
            </Table.Tr>
          ))}
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
