import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import {
  IconAlertOctagon,
  IconCalendarDue,
  IconCashRegister,
  IconClockExclamation,
  IconHourglassHigh,
  IconMail,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DashboardDto, MoneyTotal } from '../../../shared/api';
import { formatTime } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { useApiQuery } from '../../api';
import { useDesk } from '../cash/desk';
import type { SectionKey } from './DashboardSections';

export const SECTION_ICON: Record<SectionKey, Icon> = {
  domains: IconWorld,
  due: IconCalendarDue,
  overdue: IconClockExclamation,
  toAct: IconAlertOctagon,
  grace: IconHourglassHigh,
};

const money = (totals: MoneyTotal[]) => totals.map((t) => formatMoney(t.amount, t.currency)).join(' · ');

interface TileProps {
  id: string;
  icon: Icon;
  color: string;
  label: string;
  value: ReactNode;
  hint: ReactNode;
  alert?: boolean;
  onOpen: () => void;
}

/** One figure of the morning: a button that leads to its lines (a section below, or its screen). */
function Tile({ id, icon: TileIcon, color, label, value, hint, alert = false, onOpen }: TileProps) {
  return (
    <UnstyledButton onClick={onOpen} data-testid={`tile-${id}`} style={{ display: 'block' }}>
      <Card
        padding="md"
        h="100%"
        style={{ borderLeft: `4px solid var(--mantine-color-${alert ? color : 'gray'}-${alert ? 6 : 3})` }}
      >
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" c="dimmed" fw={500}>
              {label}
            </Text>
            <Text fz={28} fw={700} lh={1.15} data-testid={`tile-${id}-value`}>
              {value}
            </Text>
          </Stack>
          <ThemeIcon variant="light" color={alert ? color : 'gray'} radius="md" size="lg">
            <TileIcon size={20} />
          </ThemeIcon>
        </Group>
        <Text size="xs" c="dimmed" mt={4} lineClamp={2}>
          {hint}
        </Text>
      </Card>
    </UnstyledButton>
  );
}

function scrollTo(section: SectionKey) {
  document.getElementById(`section-${section}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** The figures of the day, each leading to its lines; the desk's drawer beside them. */
export function DashboardTiles({ data }: { data: DashboardDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const desk = useDesk();
  const cash = useApiQuery('cash.current', { desk });
  const { domainsExpiring: domains, proformasDue: due, proformasOverdue: overdue, servicesToAct: toAct } = data;
  const pending = toAct.rows.filter((r) => !r.done).length;
  const session = cash.data ?? null;
  return (
    <SimpleGrid cols={{ base: 2, md: 4, xl: 7 }} spacing="md">
      <Tile
        id="domains"
        icon={SECTION_ICON.domains}
        color="blue"
        label={t('dashboard.tiles.domains')}
        value={domains.total}
        alert={domains.notInvoiced > 0}
        hint={
          domains.notInvoiced > 0
            ? t('dashboard.tiles.notInvoiced', { count: domains.notInvoiced })
            : `${t('dashboard.tiles.domainsHint')} · ${t('dashboard.tiles.allInvoiced')}`
        }
        onOpen={() => scrollTo('domains')}
      />
      <Tile
        id="due"
        icon={SECTION_ICON.due}
        color="yellow"
        label={t('dashboard.tiles.due')}
        value={due.total}
        alert={due.total > 0}
        hint={due.total > 0 ? money(due.balance) : t('dashboard.tiles.dueHint')}
        onOpen={() => scrollTo('due')}
      />
      <Tile
        id="overdue"
        icon={SECTION_ICON.overdue}
        color="red"
        label={t('dashboard.tiles.overdue')}
        value={overdue.total}
        alert={overdue.recent > 0}
        hint={
          overdue.recent > 0
            ? `${t('dashboard.tiles.overdueRecent', { count: overdue.recent })} · ${money(overdue.balance)}`
            : t('dashboard.tiles.overdueRecent', { count: 0 })
        }
        onOpen={() => scrollTo('overdue')}
      />
      <Tile
        id="toAct"
        icon={SECTION_ICON.toAct}
        color="orange"
        label={t('dashboard.tiles.toAct')}
        value={toAct.total}
        alert={toAct.total > 0}
        hint={pending > 0 ? t('dashboard.tiles.toActPending', { count: pending }) : t('dashboard.tiles.toActHint')}
        onOpen={() => scrollTo('toAct')}
      />
      <Tile
        id="grace"
        icon={SECTION_ICON.grace}
        color="grape"
        label={t('dashboard.tiles.grace')}
        value={data.domainsInGrace.total}
        alert={data.domainsInGrace.total > 0}
        hint={t('dashboard.tiles.graceHint')}
        onOpen={() => scrollTo('grace')}
      />
      <Tile
        id="mail"
        icon={IconMail}
        color={data.mail.failed > 0 ? 'red' : 'blue'}
        label={t('dashboard.tiles.mail')}
        value={`${data.mail.queued} / ${data.mail.failed}`}
        alert={data.mail.failed > 0 || !data.mail.enabled}
        hint={
          data.mail.enabled
            ? `${t('dashboard.tiles.mailQueued', { count: data.mail.queued })} · ${t('dashboard.tiles.mailFailed', { count: data.mail.failed })}`
            : t('dashboard.tiles.mailOff')
        }
        onOpen={() => void navigate('/mail')}
      />
      <Tile
        id="cash"
        icon={IconCashRegister}
        color="teal"
        label={`${t('dashboard.tiles.cash')} · ${desk}`}
        value={session ? formatMoney(session.expected) : t('dashboard.tiles.cashClosed')}
        alert={session !== null}
        hint={
          session
            ? t('dashboard.tiles.cashOpen', { time: formatTime(session.openedAt) })
            : t('dashboard.tiles.cashOpenIt')
        }
        onOpen={() => void navigate(session ? `/cash/${session.id}` : '/cash')}
      />
    </SimpleGrid>
  );
}
