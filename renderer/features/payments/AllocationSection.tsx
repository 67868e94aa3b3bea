import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCircleCheck, IconWallet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpenItemsDto } from '../../../shared/api';
import { formatRateValue } from '../../../shared/allocation';
import { formatMoney, type Currency } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';
import { moneyInput } from '../documents/proforma-form';
import type { AllocationEdit, AllocationLine, LivePayment, PaymentFormValues } from './payment-form';
import { CurrencySuffix } from './PaymentSections';

/**
 * The client's open proformas with the share of the payment each takes: the default (oldest first, shared
 * planAllocations) until a row is edited; a rate for a proforma in another currency (shared paymentAmountOf).
 */
export function AllocationSection({
  values,
  items,
  live,
  errors,
  loading,
  onEdit,
  onAuto,
}: {
  values: PaymentFormValues;
  items: OpenItemsDto | null;
  live: LivePayment;
  errors: Record<string, unknown>;
  loading: boolean;
  onEdit: (proformaId: number, patch: Partial<AllocationEdit>) => void;
  onAuto: () => void;
}) {
  const { t } = useTranslation();
  const none = t('common.none');
  const manual = values.allocations !== null;
  const credits = items?.credit ?? [];
  const error = (path: string) => (typeof errors[path] === 'string' ? errors[path] : undefined);
  let body;
  if (values.clientId === null) {
    body = (
      <Text size="sm" c="dimmed">
        {t('payments.allocation.pickClient')}
      </Text>
    );
  } else if (loading || !items) {
    body = (
      <Text size="sm" c="dimmed">
        {t('payments.form.loadingItems')}
      </Text>
    );
  } else if (live.lines.length === 0) {
    body = (
      <Text size="sm" c="dimmed" data-testid="allocations-none">
        {t('payments.allocation.none')}
      </Text>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={980} type="native">
        <Table layout="fixed" verticalSpacing={6} data-testid="allocations" styles={{ th: { whiteSpace: 'nowrap' } }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments.allocation.columns.number')}</Table.Th>
              <Table.Th w={115} ta="right">
                {t('payments.allocation.columns.ttc')}
              </Table.Th>
              <Table.Th w={120} ta="right">
                {t('payments.allocation.columns.balance')}
              </Table.Th>
              <Table.Th w={170}>{t('payments.allocation.columns.amount')}</Table.Th>
              <Table.Th w={140}>{t('payments.allocation.columns.rate')}</Table.Th>
              <Table.Th w={150} ta="right">
                {t('payments.allocation.columns.taken')}
              </Table.Th>
              <Table.Th w={110} ta="right">
                {t('payments.allocation.columns.after')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {live.lines.map((line) => {
              const { proforma } = line;
              const number = proforma.number ?? '';
              const amountError = error(`allocations.${proforma.id}.amount`);
              const rateError = error(`allocations.${proforma.id}.rate`);
              return (
                <Table.Tr key={proforma.id} style={{ verticalAlign: 'top' }} data-testid="allocation-row">
                  <Table.Td pt={10}>
                    <Text
                      size="sm"
                      className="mono"
                      fw={600}
                      style={{ whiteSpace: 'nowrap' }}
                      data-testid="allocation-number"
                    >
                      {number}
                    </Text>
                    {proforma.issueDate && (
                      <Text size="xs" c="dimmed">
                        {t('payments.allocation.issuedOn', { date: formatCalendarDate(proforma.issueDate) })}
                      </Text>
                    )}
                    {proforma.dueDate && (
                      <Text size="xs" c="dimmed">
                        {t('payments.allocation.dueOn', { date: formatCalendarDate(proforma.dueDate) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td pt={12} ta="right" className="mono">
                    {formatMoney(proforma.ttc, proforma.currency)}
                  </Table.Td>
                  <Table.Td pt={12} ta="right" className="mono" fw={600} data-testid="allocation-balance">
                    {formatMoney(proforma.balance, proforma.currency)}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      inputMode="decimal"
                      placeholder="0,00"
                      aria-label={t('payments.allocation.amountOf', { number })}
                      value={line.edit.amount}
                      onChange={(event) => onEdit(proforma.id, { amount: event.currentTarget.value })}
                      error={amountError}
                      rightSectionWidth={58}
                      rightSection={
                        <Group gap={2} wrap="nowrap">
                          <CurrencySuffix currency={proforma.currency} />
                          <Tooltip label={t('payments.allocation.settleOf', { number })}>
                            <ActionIcon
                              size="sm"
                              variant="subtle"
                              aria-label={t('payments.allocation.settleOf', { number })}
                              onClick={() => onEdit(proforma.id, { amount: moneyInput(proforma.balance) })}
                              data-testid="allocation-settle"
                            >
                              <IconCircleCheck size={15} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      }
                      data-testid="allocation-amount"
                    />
                  </Table.Td>
                  <Table.Td>
                    {line.foreign ? (
                      <Stack gap={2}>
                        <TextInput
                          size="xs"
                          inputMode="decimal"
                          placeholder={t('payments.allocation.ratePlaceholder', {
                            payment: values.currency,
                            proforma: proforma.currency,
                          })}
                          aria-label={t('payments.allocation.rateOf', { number })}
                          value={line.edit.rate}
                          onChange={(event) => onEdit(proforma.id, { rate: event.currentTarget.value })}
                          error={rateError}
                          data-testid="allocation-rate"
                        />
                        <ConversionOf line={line} currency={values.currency} />
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed" pt={6}>
                        {none}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td pt={12} ta="right" className="mono" data-testid="allocation-taken">
                    {line.paymentAmount === null ? (
                      <Text span size="xs" c="orange.8">
                        {line.foreign ? t('payments.allocation.needsRate') : none}
                      </Text>
                    ) : (
                      formatMoney(line.paymentAmount, values.currency)
                    )}
                  </Table.Td>
                  <Table.Td pt={12} ta="right" data-testid="allocation-after">
                    {line.balanceAfter === 0 ? (
                      <Badge color="green" variant="light">
                        {t('payments.allocation.settled')}
                      </Badge>
                    ) : (
                      <Text span size="sm" className="mono">
                        {line.balanceAfter === null ? none : formatMoney(line.balanceAfter, proforma.currency)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Card component="section" aria-label={t('payments.allocation.title')} data-testid="allocation-section">
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={3} fz="md">
              {t('payments.allocation.title')}
            </Title>
            {manual && (
              <Badge color="orange" variant="light" data-testid="allocation-manual">
                {t('payments.allocation.manual')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('payments.allocation.hint')}
          </Text>
        </Stack>
        {manual && (
          <Button
            style={{ flexShrink: 0 }}
            variant="subtle"
            size="xs"
            leftSection={<IconArrowBackUp size={14} />}
            onClick={onAuto}
            title={t('payments.allocation.autoHint')}
            data-testid="allocation-auto"
          >
            {t('payments.allocation.auto')}
          </Button>
        )}
      </Group>
      {credits.length > 0 && (
        <Alert color="teal" variant="light" icon={<IconWallet size={18} />} mb="sm" py={8}>
          {t('payments.allocation.existingCredit', {
            amount: credits.map((c) => formatMoney(c.amount, c.currency)).join(' · '),
          })}
        </Alert>
      )}
      {typeof errors.allocations === 'string' && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="sm" py={8} role="alert">
          {errors.allocations}
        </Alert>
      )}
      {body}
    </Card>
  );
}

/** Both sides of a foreign allocation before it is recorded: "120,00 € au taux 10,85 = 1 302,00 DH". */
function ConversionOf({ line, currency }: { line: AllocationLine; currency: Currency }) {
  const { t } = useTranslation();
  if (!line.foreign || line.rate === null || !line.amount || line.paymentAmount === null) return null;
  return (
    <Text size="xs" c={line.rateNeedsApproval ? 'orange.8' : 'dimmed'} data-testid="allocation-conversion">
      {t('payments.allocation.conversion', {
        amount: formatMoney(line.amount, line.proforma.currency),
        rate: formatRateValue(line.rate),
        taken: formatMoney(line.paymentAmount, currency),
      })}
    </Text>
  );
}
