import {
  Alert,
  Anchor,
  Badge,
  Center,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RenewalOptionDto } from '../../../shared/api';
import { formatMoney, type Currency } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';
import { PHASE_COLOR } from '../services/ServiceBits';
import { blockReason, MAX_PERIODS } from './proforma-form';
import { SectionCard, type lineAmounts, type ProformaForm } from './ProformaSections';

/** "1 an", "3 ans", "6 mois": what `periods` periods of `periodMonths` months buy. */
function periodLabel(t: TFunction, periods: number, periodMonths: number): string {
  const months = periods * periodMonths;
  return months % 12 === 0
    ? t('documents.editor.services.periodYears', { count: months / 12 })
    : t('documents.editor.services.periodMonths', { count: months });
}

/** "Services à renouveler": the client's services, ticked with a number of periods, or why they cannot be. */
export function RenewalSection({
  form,
  options,
  loading,
  draftId,
  amounts,
}: {
  form: ProformaForm;
  options: RenewalOptionDto[];
  loading: boolean;
  draftId: number | null;
  amounts: ReturnType<typeof lineAmounts>;
}) {
  const { t } = useTranslation();
  const { values } = form;
  const currency = values.currency;
  const pickOf = (serviceId: number) => values.services[String(serviceId)] ?? { checked: false, periods: 1 };
  const setPick = (serviceId: number, patch: Partial<{ checked: boolean; periods: number }>) =>
    form.setFieldValue('services', { ...values.services, [String(serviceId)]: { ...pickOf(serviceId), ...patch } });
  const missing = Object.entries(values.services).filter(
    ([id, pick]) =>
      pick.checked && !loading && !options.some((o) => String(o.serviceId) === id && blockReason(o, draftId) === null),
  ).length;

  let body: ReactNode;
  if (values.clientId === null) {
    body = (
      <Text size="sm" c="dimmed">
        {t('documents.editor.services.pickClient')}
      </Text>
    );
  } else if (loading) {
    body = (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  } else if (options.length === 0) {
    body = (
      <Text size="sm" c="dimmed" data-testid="renewal-empty">
        {t('documents.editor.services.empty')}
      </Text>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={820} type="native">
        <Table data-testid="renewal-options" verticalSpacing="xs" styles={{ th: { whiteSpace: 'nowrap' } }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36} />
              <Table.Th>{t('services.columns.label')}</Table.Th>
              <Table.Th w={170}>{t('documents.editor.services.expiry')}</Table.Th>
              <Table.Th w={170}>{t('services.columns.status')}</Table.Th>
              <Table.Th w={120}>{t('documents.editor.services.periods')}</Table.Th>
              <Table.Th w={130} ta="right">
                {t('documents.editor.services.unitPrice')}
              </Table.Th>
              <Table.Th w={120} ta="right">
                {t('documents.editor.items.amount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {options.map((option) => (
              <RenewalRow
                key={option.serviceId}
                option={option}
                currency={currency}
                pick={pickOf(option.serviceId)}
                blocked={blockReason(option, draftId)}
                amount={amounts.byService.get(option.serviceId)}
                lateFeeAmount={amounts.byLateFee.get(option.serviceId)}
                error={form.errors[`services.${option.serviceId}`]}
                onChange={(patch) => setPick(option.serviceId, patch)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }
  return (
    <SectionCard
      title={t('documents.editor.services.title')}
      hint={t('documents.editor.services.hint')}
      testId="renewal-section"
    >
      {missing > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} mb="sm">
          {t('documents.editor.services.missing', { count: missing })}
        </Alert>
      )}
      {body}
    </SectionCard>
  );
}

function RenewalRow({
  option,
  currency,
  pick,
  blocked,
  amount,
  lateFeeAmount,
  error,
  onChange,
}: {
  option: RenewalOptionDto;
  currency: Currency;
  pick: { checked: boolean; periods: number };
  blocked: 'noPrice' | 'openProforma' | null;
  amount: number | undefined;
  lateFeeAmount: number | undefined;
  error: ReactNode;
  onChange: (patch: Partial<{ checked: boolean; periods: number }>) => void;
}) {
  const { t } = useTranslation();
  const held = option.openProforma;
  const why =
    blocked === 'noPrice'
      ? t('documents.editor.services.noPrice', { currency })
      : blocked === 'openProforma' && held
        ? held.number
          ? t('documents.editor.services.openProforma', { number: held.number })
          : t('documents.editor.services.openDraft')
        : null;
  const checkbox = (
    <Checkbox
      checked={pick.checked && blocked === null}
      disabled={blocked !== null}
      onChange={(event) => onChange({ checked: event.currentTarget.checked })}
      aria-label={t('documents.editor.services.tick', { label: option.label })}
      data-testid="renewal-tick"
    />
  );
  return (
    <Table.Tr data-testid="renewal-row" data-blocked={blocked ?? undefined} style={{ opacity: blocked ? 0.75 : 1 }}>
      <Table.Td>
        {why ? (
          <Tooltip label={why} multiline w={280}>
            <span>{checkbox}</span>
          </Tooltip>
        ) : (
          checkbox
        )}
      </Table.Td>
      <Table.Td>
        <Text
          size="sm"
          fw={500}
          className="mono"
          dir="auto"
          style={{ overflowWrap: 'anywhere' }}
          data-testid="renewal-label"
        >
          {option.label}
        </Text>
        <Text size="xs" c="dimmed">
          {option.productName}
        </Text>
        {why && (
          <Text size="xs" c={blocked === 'noPrice' ? 'red.7' : 'orange.8'} data-testid="renewal-blocked">
            {why}{' '}
            {held && (
              <Anchor component={Link} to={`/billing/${held.id}`} size="xs">
                {t('documents.editor.services.open')}
              </Anchor>
            )}
          </Text>
        )}
        {option.lateFee > 0 && (
          <Text size="xs" c="orange.8" data-testid="renewal-late-fee">
            {t('documents.editor.services.lateFee', { amount: formatMoney(option.lateFee, currency) })}
            {pick.checked && lateFeeAmount !== undefined ? ` → ${formatMoney(lateFeeAmount, currency)}` : ''}
          </Text>
        )}
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {option.expiry && option.status !== 'pending' ? (
          <Text size="sm" className="mono">
            {formatCalendarDate(option.expiry)}
          </Text>
        ) : (
          <Text size="sm">{t('documents.editor.services.firstPayment')}</Text>
        )}
        <Text size="xs" c="dimmed">
          {t('documents.editor.services.period', {
            from: formatCalendarDate(option.periodFrom),
            to: formatCalendarDate(option.periodTo),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge color={PHASE_COLOR[option.phase]} variant="light" style={{ maxWidth: '100%' }}>
            {t(`services.phase.${option.phase}`)}
          </Badge>
          {option.due && option.phase !== 'pending' && (
            <Badge color="orange" variant="outline">
              {t('documents.editor.services.due')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          aria-label={t('documents.editor.services.periodsOf', { label: option.label })}
          value={String(pick.periods)}
          disabled={blocked !== null}
          onChange={(event) => onChange({ periods: Number(event.currentTarget.value), checked: true })}
          data={Array.from({ length: MAX_PERIODS }, (_, i) => ({
            value: String(i + 1),
            label: periodLabel(t, i + 1, option.periodMonths),
          }))}
          data-testid="renewal-periods"
        />
      </Table.Td>
      <Table.Td ta="right" className="mono" data-testid="renewal-price">
        {option.unitPrice === null ? t('common.none') : formatMoney(option.unitPrice, currency)}
      </Table.Td>
      <Table.Td ta="right" className="mono" fw={600} data-testid="renewal-amount">
        {pick.checked && amount !== undefined ? formatMoney(amount, currency) : ''}
      </Table.Td>
    </Table.Tr>
  );
}
