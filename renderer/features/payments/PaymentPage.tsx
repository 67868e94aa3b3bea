import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  DataList,
  Divider,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconBan, IconReceiptOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PaymentDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';
import { formatRateValue } from '../../../shared/allocation';
import { useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { StatusPage } from '../../ui/StatusPage';
import { ClientName } from '../clients/ClientBits';
import { detailPairs, methodLabel, PaymentStatusBadge, ReceiptNumber } from './PaymentBits';
import { VoidModal } from './PaymentDialogs';
import { ReceiptActions } from './ReceiptActions';

/** #/payments/:id */
export function PaymentPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const payment = useApiQuery('payments.get', { id }, { enabled: valid, staleTime: 0 });
  if (!valid || payment.error?.code === 'NOT_FOUND') {
    return (
      <StatusPage icon={IconReceiptOff} color="gray" title={t('notFound.title')}>
        {t('payments.page.notFound')}
      </StatusPage>
    );
  }
  if (payment.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {payment.error.message}
      </Alert>
    );
  }
  if (!payment.isSuccess) {
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  }
  return <PaymentView key={payment.data.id} payment={payment.data} />;
}

function PaymentView({ payment }: { payment: PaymentDto }) {
  const { t } = useTranslation();
  const [voiding, setVoiding] = useState(false);
  const who = (name: string | null) => name ?? t('cash.session.system');
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/payments" size="sm" c="dimmed" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('payments.page.back')}
        </Group>
      </Anchor>
      <PaymentHeader payment={payment} onVoid={() => setVoiding(true)} />
      {payment.status === 'voided' && (
        <Alert color="red" variant="light" icon={<IconBan size={18} />} data-testid="payment-voided">
          <Text size="sm" fw={600}>
            {t('payments.page.voided', {
              date: payment.voidedAt ? formatDateTime(payment.voidedAt) : '',
              name: who(payment.voidedByName),
            })}
          </Text>
          <Text size="sm" dir="auto">
            {t('payments.page.voidReason', { reason: payment.voidReason })}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('payments.page.voidedHint')}
          </Text>
        </Alert>
      )}
      <AllocationsPanel payment={payment} />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        <AmountsPanel payment={payment} />
        <Panel title={t('payments.page.invoices')} testId="payment-invoices">
          {payment.invoices.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('payments.page.noInvoice')}
            </Text>
          ) : (
            <Stack gap={4}>
              {payment.invoices.map((invoice) => (
                <Anchor
                  key={invoice.id}
                  component={Link}
                  to={`/billing/${invoice.id}`}
                  className="mono"
                  fw={600}
                  size="sm"
                  data-testid="payment-invoice"
                >
                  {invoice.number}
                </Anchor>
              ))}
            </Stack>
          )}
        </Panel>
        <DetailsPanel payment={payment} />
        {payment.approvedBy && (
          <Panel title={t('payments.page.approval')} testId="payment-approval">
            <Text size="sm" fw={500}>
              {t('payments.page.approvedBy', { name: who(payment.approvedByName) })}
            </Text>
            <Text size="sm" c="dimmed" dir="auto">
              {payment.approvalReason}
            </Text>
          </Panel>
        )}
        {payment.note && (
          <Panel title={t('payments.page.note')}>
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {payment.note}
            </Text>
          </Panel>
        )}
      </SimpleGrid>
      <VoidModal payment={payment} opened={voiding} onClose={() => setVoiding(false)} />
    </Stack>
  );
}

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId} h="100%">
      <Title order={3} fz="md" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function PaymentHeader({ payment, onVoid }: { payment: PaymentDto; onVoid: () => void }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const none = t('common.none');
  const facts: [string, string, string][] = [
    [t('payments.page.paidOn'), formatCalendarDate(payment.paidOn), 'payment-paid-on'],
    [t('payments.page.method'), methodLabel(t, payment.method), 'payment-method'],
    [t('payments.page.currency'), payment.currency, 'payment-currency'],
    [
      t('payments.page.session'),
      payment.cashSessionId === null ? none : t('payments.page.sessionValue', { id: payment.cashSessionId }),
      'payment-session',
    ],
  ];
  const manager = can('manager');
  const voidButton = (
    <Button
      variant="subtle"
      color="red"
      leftSection={<IconBan size={16} />}
      disabled={!manager}
      onClick={onVoid}
      data-testid="payment-void"
    >
      {t('payments.void.action')}
    </Button>
  );
  return (
    <Card padding="lg" data-testid="payment-header">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xl">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="sm">
            <Text size="sm" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
              {t('payments.page.label')}
            </Text>
            <PaymentStatusBadge status={payment.status} size="lg" />
          </Group>
          <Title order={2} fz="h2" lh={1.2}>
            <ReceiptNumber number={payment.number} size="inherit" />
          </Title>
          <Anchor component={Link} to={`/clients/${payment.clientId}`} fw={500} data-testid="payment-client">
            <ClientName name={payment.clientName} />{' '}
            <Text span size="sm" c="dimmed" className="mono">
              {payment.clientCode}
            </Text>
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('payments.page.receivedBy', {
              name: payment.staffName ?? t('cash.session.system'),
              date: formatDateTime(payment.receivedAt),
            })}
          </Text>
        </Stack>
        <Group gap="xl" align="flex-start" wrap="nowrap">
          <DataList labelWidth={130} gap={6} size="sm" style={{ flexShrink: 0 }}>
            {facts.map(([label, value, testId]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
                <DataList.ItemValue data-testid={testId}>{value}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
          <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
            <Text size="xs" c="dimmed">
              {t('payments.page.collected')}
            </Text>
            <Text
              fw={800}
              fz={28}
              lh={1.1}
              className="mono"
              c={payment.status === 'voided' ? 'dimmed' : 'brand.8'}
              td={payment.status === 'voided' ? 'line-through' : undefined}
              data-testid="payment-collected"
            >
              {formatMoney(payment.collected, payment.currency)}
            </Text>
          </Stack>
        </Group>
      </Group>
      <Divider my="md" />
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          {payment.status === 'recorded' &&
            (manager ? (
              voidButton
            ) : (
              <Tooltip label={t('payments.void.managerOnly')}>
                <span>{voidButton}</span>
              </Tooltip>
            ))}
        </Group>
        <ReceiptActions paymentId={payment.id} />
      </Group>
    </Card>
  );
}

/** Where the money went: each proforma, what it took, the rate when foreign, and what was left to pay after. */
function AllocationsPanel({ payment }: { payment: PaymentDto }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Card padding={0} data-testid="payment-allocations">
      <Title order={3} fz="md" px="lg" pt="md" pb="xs">
        {t('payments.page.allocations')}
      </Title>
      {payment.allocations.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="md">
          {t('payments.page.noAllocation')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table verticalSpacing="sm" highlightOnHover={false} styles={{ th: { whiteSpace: 'nowrap' } }}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('payments.allocation.columns.number')}</Table.Th>
                <Table.Th w={150} ta="right">
                  {t('payments.allocation.columns.amount')}
                </Table.Th>
                <Table.Th w={110} ta="right">
                  {t('payments.allocation.columns.rate')}
                </Table.Th>
                <Table.Th w={170} ta="right">
                  {t('payments.allocation.columns.taken')}
                </Table.Th>
                <Table.Th w={150} ta="right">
                  {t('payments.allocation.columns.after')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payment.allocations.map((allocation) => (
                <Table.Tr key={allocation.documentId} data-testid="payment-allocation">
                  <Table.Td>
                    <Group gap="sm">
                      <Anchor
                        component={Link}
                        to={`/billing/${allocation.documentId}`}
                        className="mono"
                        fw={600}
                        size="sm"
                      >
                        {allocation.documentNumber ?? none}
                      </Anchor>
                      {allocation.reversed && (
                        <Badge color="red" variant="light" size="sm">
                          {t('payments.page.reversed')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" className="mono" data-testid="payment-allocation-amount">
                    {formatMoney(allocation.amount, allocation.currency)}
                  </Table.Td>
                  <Table.Td ta="right" className="mono" data-testid="payment-allocation-rate">
                    {allocation.rate === null ? none : formatRateValue(allocation.rate)}
                  </Table.Td>
                  <Table.Td ta="right" className="mono">
                    {formatMoney(allocation.paymentAmount, payment.currency)}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="payment-allocation-after">
                    {allocation.balanceAfter === 0 ? (
                      <Badge color="green" variant="light">
                        {t('payments.allocation.settled')}
                      </Badge>
                    ) : (
                      <Text span size="sm" className="mono">
                        {formatMoney(allocation.balanceAfter, allocation.currency)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function AmountsPanel({ payment }: { payment: PaymentDto }) {
  const { t } = useTranslation();
  const rows: [string, number, string][] = [
    [t('payments.page.amount'), payment.amount, 'payment-amount'],
    [t('payments.page.credit'), payment.credit, 'payment-credit'],
  ];
  if (payment.method === 'cash') rows.push([t('payments.page.stampDuty'), payment.stampDuty, 'payment-stamp-duty']);
  return (
    <Panel title={t('payments.page.amounts')} testId="payment-amounts">
      <Stack gap={6}>
        {rows.map(([label, amount, testId]) => (
          <Group key={testId} justify="space-between" wrap="nowrap">
            <Text size="sm">{label}</Text>
            <Text size="sm" className="mono" data-testid={testId}>
              {formatMoney(amount, payment.currency)}
            </Text>
          </Group>
        ))}
        <Divider my={2} />
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={700}>
            {t('payments.page.collected')}
          </Text>
          <Text size="sm" className="mono" fw={700}>
            {formatMoney(payment.collected, payment.currency)}
          </Text>
        </Group>
      </Stack>
    </Panel>
  );
}

function DetailsPanel({ payment }: { payment: PaymentDto }) {
  const { t } = useTranslation();
  const pairs = detailPairs(t, payment);
  return (
    <Panel title={t('payments.page.details')} testId="payment-details">
      {pairs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('payments.page.noDetails')}
        </Text>
      ) : (
        <DataList labelWidth={150} gap={6} size="sm">
          {pairs.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
              <DataList.ItemValue dir="auto">{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
    </Panel>
  );
}
