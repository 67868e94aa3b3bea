import { Anchor, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';
import { useApiQuery } from '../../api';
import { moneyLine } from './money-line';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/**
 * The client's money at a glance, under the name on the client page and the payment screen: what is left to pay, the
 * next proforma to pay and its due date, the credit, the next expiry and its renewal price TTC.
 */
export function MoneyLine({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const items = useApiQuery('payments.openItems', { clientId }, { staleTime: 0 });
  const renewals = useApiQuery('documents.renewalOptions', { clientId }, { staleTime: 0 });
  if (!items.isSuccess || !renewals.isSuccess) {
    return items.isError || renewals.isError ? null : <Skeleton h={46} data-testid="money-line-loading" />;
  }
  const line = moneyLine(items.data, renewals.data);
  const none = t('common.none');
  const next = line.nextProforma;
  const expiry = line.nextExpiry;
  return (
    <Paper withBorder px="md" py={8} radius="md" data-testid="money-line">
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Fact label={t('payments.moneyLine.due')} testId="money-due">
          <Text fw={800} fz="lg" className="mono" c={line.due.length > 0 ? 'red.8' : 'teal.8'} lh={1.3}>
            {line.due.length === 0
              ? formatMoney(0)
              : line.due.map((d) => formatMoney(d.amount, d.currency)).join(' · ')}
          </Text>
        </Fact>
        <Fact label={t('payments.moneyLine.next')} testId="money-next">
          {next ? (
            <Text size="sm" lh={1.6}>
              <Anchor component={Link} to={`/billing/${next.id}`} className="mono" fw={600} size="sm">
                {next.number}
              </Anchor>{' '}
              {t('payments.moneyLine.nextDue', {
                amount: formatMoney(next.balance, next.currency),
                date: next.dueDate ? formatCalendarDate(next.dueDate) : none,
              })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" lh={1.6}>
              {none}
            </Text>
          )}
        </Fact>
        <Fact label={t('payments.moneyLine.credit')} testId="money-credit">
          <Text size="sm" className="mono" fw={600} c={line.credit.length > 0 ? 'teal.8' : 'dimmed'} lh={1.6}>
            {line.credit.length === 0
              ? formatMoney(0)
              : line.credit.map((c) => formatMoney(c.amount, c.currency)).join(' · ')}
          </Text>
        </Fact>
        <Fact label={t('payments.moneyLine.expiry')} testId="money-expiry">
          {expiry ? (
            <Text size="sm" lh={1.6}>
              <Text span fw={600} className="domain">
                {expiry.label}
              </Text>{' '}
              {t('payments.moneyLine.expiryOn', { date: formatCalendarDate(expiry.expiry) })}
              {expiry.renewalTtc !== null &&
                ` · ${t('payments.moneyLine.renewal', { amount: formatMoney(expiry.renewalTtc, expiry.currency) })}`}
              {expiry.proforma && ` · ${expiry.proforma}`}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" lh={1.6}>
              {none}
            </Text>
          )}
        </Fact>
      </Group>
    </Paper>
  );
}
