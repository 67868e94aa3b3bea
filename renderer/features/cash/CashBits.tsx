import {
  Anchor,
  Badge,
  Card,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Table,
  Text,
  Title,
  type BadgeProps,
} from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CashSessionDto } from '../../../shared/api';
import { formatDateTime, formatTime } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { request } from '../../api';
import { PdfButtons } from '../documents/PdfActions';

type SessionStatus = CashSessionDto['status'];
const STATUS_COLOR: Record<SessionStatus, string> = { open: 'green', closed: 'orange', validated: 'brand' };

/** After any drawer write, every cash read (current session, history, a session's page) is fetched again. */
export function invalidateCash(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => typeof query.queryKey[0] === 'string' && query.queryKey[0].startsWith('cash.'),
  });
}

export function SessionStatusBadge({ status, ...props }: { status: SessionStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="cash-status" {...props}>
      {t(`cash.status.${status}`)}
    </Badge>
  );
}

/** The difference of a count: green when the drawer is right, red when cash is missing, orange when there is more. */
export function differenceColor(difference: number): string {
  if (difference === 0) return 'green.8';
  return difference < 0 ? 'red.8' : 'orange.8';
}

/** The same colours, as a light background. */
export function differenceTint(difference: number): string {
  if (difference === 0) return 'green.0';
  return difference < 0 ? 'red.0' : 'orange.0';
}

export function DifferenceLabel({ difference }: { difference: number }) {
  const { t } = useTranslation();
  const key = difference === 0 ? 'balanced' : difference < 0 ? 'short' : 'over';
  return (
    <Text span size="xs" fw={600} c={differenceColor(difference)} data-testid="cash-difference-label">
      {t(`cash.session.${key}`)}
    </Text>
  );
}

export function Figure({
  label,
  value,
  testId,
  color,
  strong = false,
  tint,
  hint,
}: {
  label: string;
  value: string;
  testId: string;
  color?: string;
  strong?: boolean;
  /** A background other than the highlight's: the difference is tinted by its sign. */
  tint?: string;
  hint?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" bg={tint ?? (strong ? 'brand.0' : undefined)}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fw={strong ? 800 : 700} fz={strong ? 26 : 22} lh={1.25} className="mono" c={color} data-testid={testId}>
        {value}
      </Text>
      {hint}
    </Paper>
  );
}

/** Float, cash in, cash out and what the drawer should hold; once closed, what was counted and the difference. */
export function SessionFigures({ session }: { session: CashSessionDto }) {
  const { t } = useTranslation();
  const closed = session.counted !== null && session.difference !== null;
  return (
    <SimpleGrid cols={{ base: 2, md: closed ? 3 : 4, xl: closed ? 6 : 4 }} spacing="sm" data-testid="cash-figures">
      <Figure label={t('cash.figures.float')} value={formatMoney(session.float)} testId="cash-float" />
      <Figure label={t('cash.figures.cashIn')} value={formatMoney(session.cashIn)} testId="cash-in" />
      <Figure label={t('cash.figures.cashOut')} value={formatMoney(session.cashOut)} testId="cash-out" />
      <Figure
        label={t('cash.figures.expected')}
        value={formatMoney(session.expected)}
        testId="cash-expected"
        strong={!closed}
      />
      {session.counted !== null && (
        <Figure label={t('cash.figures.counted')} value={formatMoney(session.counted)} testId="cash-counted" />
      )}
      {session.difference !== null && (
        <Figure
          label={t('cash.figures.difference')}
          value={formatMoney(session.difference)}
          testId="cash-difference"
          color={differenceColor(session.difference)}
          strong
          tint={differenceTint(session.difference)}
          hint={<DifferenceLabel difference={session.difference} />}
        />
      )}
    </SimpleGrid>
  );
}

/** The drawer's movements: payments (with their receipt), cash taken out or put in, voids. */
export function MovementsCard({ session }: { session: CashSessionDto }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Card padding={0} data-testid="cash-movements">
      <Title order={3} fz="md" px="lg" pt="md" pb="xs">
        {t('cash.movements.title')}
      </Title>
      {session.movements.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="md">
          {t('cash.movements.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760} type="native">
          <Table verticalSpacing="xs" styles={{ th: { whiteSpace: 'nowrap' } }}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w={80}>{t('cash.movements.columns.at')}</Table.Th>
                <Table.Th w={130}>{t('cash.movements.columns.kind')}</Table.Th>
                <Table.Th w={160}>{t('cash.movements.columns.receipt')}</Table.Th>
                <Table.Th>{t('cash.movements.columns.reason')}</Table.Th>
                <Table.Th w={150} ta="right">
                  {t('cash.movements.columns.amount')}
                </Table.Th>
                <Table.Th w={120}>{t('cash.movements.columns.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {session.movements.map((movement) => (
                <Table.Tr key={movement.id} data-testid="cash-movement">
                  <Table.Td className="mono" title={formatDateTime(movement.at)}>
                    {formatTime(movement.at)}
                  </Table.Td>
                  <Table.Td data-testid="cash-movement-kind">
                    {t(`cash.movements.kind.${movement.kind}` as 'cash.movements.kind.payment', {
                      defaultValue: movement.kind,
                    })}
                  </Table.Td>
                  <Table.Td>
                    {movement.paymentId !== null ? (
                      <Anchor component={Link} to={`/payments/${movement.paymentId}`} className="mono" size="sm">
                        {movement.paymentNumber ?? none}
                      </Anchor>
                    ) : (
                      <Text span c="dimmed" size="sm">
                        {none}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {movement.reason || none}
                    </Text>
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    className="mono"
                    fw={600}
                    c={movement.amount < 0 ? 'red.8' : 'green.9'}
                    data-testid="cash-movement-amount"
                  >
                    {formatMoney(movement.amount)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {movement.username === null ? none : (session.staffNames[movement.username] ?? movement.username)}
                    </Text>
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

/** "Rapport Z": the session's report as a PDF on A4 or on the counter's 80 mm roll, previewed, printed or saved. */
export function ZReportActions({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'a4' | 'thermal'>('a4');
  return (
    <Group gap="sm" data-testid="z-report">
      <Text size="sm" fw={600}>
        {t('cash.actions.zReport')}
      </Text>
      <SegmentedControl
        size="xs"
        aria-label={t('cash.zReportFormat.label')}
        value={format}
        onChange={(value) => setFormat(value === 'thermal' ? 'thermal' : 'a4')}
        data={(['a4', 'thermal'] as const).map((value) => ({ value, label: t(`cash.zReportFormat.${value}`) }))}
        data-testid="z-report-format"
      />
      <PdfButtons load={() => request('cash.zReport', { sessionId, format })} showCopy={false} />
    </Group>
  );
}

/** A session's title line: who opened it and when, and who closed and validated it. */
export function SessionPeople({ session }: { session: CashSessionDto }) {
  const { t } = useTranslation();
  const who = (username: string | null) =>
    username === null ? t('cash.session.system') : (session.staffNames[username] ?? username);
  return (
    <>
      <Text size="xs" c="dimmed">
        {t('cash.session.openedBy', { name: who(session.openedBy), date: formatDateTime(session.openedAt) })}
      </Text>
      {session.closedAt && (
        <Text size="xs" c="dimmed">
          {t('cash.session.closedBy', { name: who(session.closedBy), date: formatDateTime(session.closedAt) })}
        </Text>
      )}
      {session.validatedAt && (
        <Text size="xs" c="dimmed">
          {t('cash.session.validatedBy', { name: who(session.validatedBy), date: formatDateTime(session.validatedAt) })}
        </Text>
      )}
    </>
  );
}
