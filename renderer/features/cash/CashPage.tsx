import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Divider,
  Group,
  Loader,
  Pagination,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconArrowDownRight,
  IconArrowUpRight,
  IconCash,
  IconCashRegister,
  IconLock,
  IconPencil,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CashSessionDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { useApiQuery } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { CashCount } from './CashCount';
import { differenceColor, MovementsCard, SessionFigures, SessionPeople, SessionStatusBadge } from './CashBits';
import { DeskModal, MovementModal, type MovementKind } from './CashDialogs';
import { useDesk } from './desk';
import { OpenDrawerForm } from './OpenDrawerForm';

const HISTORY_PAGE_SIZE = 10;

/** #/cash: this desk's drawer (opened, or the form to open it), then the history of every desk's sessions. */
export function CashPage() {
  const { t } = useTranslation();
  const desk = useDesk();
  const [renaming, setRenaming] = useState(false);
  const current = useApiQuery('cash.current', { desk }, { staleTime: 0 });
  return (
    <>
      <PageHeader
        title={t('cash.title')}
        subtitle={t('cash.subtitle')}
        actions={
          <>
            <Badge size="lg" variant="light" leftSection={<IconCashRegister size={14} />} data-testid="cash-desk">
              {t('cash.desk.badge', { desk })}
            </Badge>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} />}
              onClick={() => setRenaming(true)}
              data-testid="desk-rename"
            >
              {t('cash.desk.change')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {current.isError && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {current.error.message}
          </Alert>
        )}
        {current.isPending ? (
          <Center py={60}>
            <Loader />
          </Center>
        ) : current.data ? (
          <OpenSession key={current.data.id} session={current.data} />
        ) : (
          current.isSuccess && <OpenDrawer key={desk} desk={desk} />
        )}
        <SessionHistory />
      </Stack>
      <DeskModal desk={desk} opened={renaming} onClose={() => setRenaming(false)} />
    </>
  );
}

/** No open session at this desk: count the float and open the drawer. */
function OpenDrawer({ desk }: { desk: string }) {
  const { t } = useTranslation();
  return (
    <Card padding="xl" data-testid="cash-closed">
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <ThemeIcon variant="light" color="gray" size={52} radius="xl">
          <IconLock size={26} stroke={1.6} />
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1 }}>
          <Title order={3} fz="lg">
            {t('cash.closed.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('cash.closed.body')}
          </Text>
          <OpenDrawerForm desk={desk} />
        </Stack>
      </Group>
    </Card>
  );
}

/** The open session: its figures, its movements, cash out or in, and the count that closes it. */
function OpenSession({ session }: { session: CashSessionDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [movement, setMovement] = useState<MovementKind | null>(null);
  const [counting, setCounting] = useState(false);
  return (
    <>
      <Card padding="lg" data-testid="cash-open">
        <Group gap="sm">
          <Title order={3} fz="lg">
            {t('cash.session.deskTitle', { desk: session.desk })}
          </Title>
          <SessionStatusBadge status={session.status} size="lg" />
          <Text size="sm" c="dimmed">
            {t('cash.session.title', { id: session.id })}
          </Text>
        </Group>
        <SessionPeople session={session} />
        <Stack mt="md">
          <SessionFigures session={session} />
        </Stack>
        {!counting && (
          <>
            <Divider my="md" />
            <Group justify="space-between" gap="sm">
              <Group gap="sm">
                <Button
                  variant="default"
                  leftSection={<IconArrowUpRight size={16} />}
                  onClick={() => setMovement('out')}
                  data-testid="cash-out-button"
                >
                  {t('cash.actions.out')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconArrowDownRight size={16} />}
                  onClick={() => setMovement('in')}
                  data-testid="cash-in-button"
                >
                  {t('cash.actions.in')}
                </Button>
                <Button component={Link} to="/payments/new" variant="subtle" leftSection={<IconCash size={16} />}>
                  {t('cash.actions.pay')}
                </Button>
              </Group>
              <Button
                color="orange"
                leftSection={<IconLock size={16} />}
                onClick={() => setCounting(true)}
                data-testid="cash-close-button"
              >
                {t('cash.actions.close')}
              </Button>
            </Group>
          </>
        )}
      </Card>
      {counting && (
        <CashCount
          session={session}
          onCancel={() => setCounting(false)}
          onClosed={(closed) => void navigate(`/cash/${closed.id}`)}
        />
      )}
      <MovementsCard session={session} />
      <MovementModal session={session} kind={movement} onClose={() => setMovement(null)} />
    </>
  );
}

/** Every desk's sessions, newest first; a row opens its session (count, difference, validation, Z report). */
function SessionHistory() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useApiQuery(
    'cash.list',
    { page, pageSize: HISTORY_PAGE_SIZE },
    { placeholderData: keepPreviousData, staleTime: 0 },
  );
  const none = t('common.none');
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  return (
    <Card padding={0} data-testid="cash-history">
      <Title order={3} fz="md" px="lg" pt="md" pb="xs">
        {t('cash.history.title')}
      </Title>
      {list.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" mx="lg" mb="md">
          {list.error.message}
        </Alert>
      )}
      {list.isSuccess && total === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="md">
          {t('cash.history.empty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900} type="native">
            <Table
              verticalSpacing="xs"
              style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
              styles={{ th: { whiteSpace: 'nowrap' } }}
            >
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th w={70}>{t('cash.history.columns.id')}</Table.Th>
                  <Table.Th>{t('cash.history.columns.desk')}</Table.Th>
                  <Table.Th w={150}>{t('cash.history.columns.opened')}</Table.Th>
                  <Table.Th w={150}>{t('cash.history.columns.closed')}</Table.Th>
                  <Table.Th w={140} ta="right">
                    {t('cash.history.columns.expected')}
                  </Table.Th>
                  <Table.Th w={140} ta="right">
                    {t('cash.history.columns.counted')}
                  </Table.Th>
                  <Table.Th w={120} ta="right">
                    {t('cash.history.columns.difference')}
                  </Table.Th>
                  <Table.Th w={110}>{t('cash.history.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data?.rows ?? []).map((row) => (
                  <Table.Tr
                    key={row.id}
                    className="clickable-row"
                    onClick={() => void navigate(`/cash/${row.id}`)}
                    data-testid="cash-history-row"
                  >
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/cash/${row.id}`}
                        className="row-link mono"
                        fw={600}
                        onClick={(event) => event.stopPropagation()}
                      >
                        {row.id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.desk}</Table.Td>
                    <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(row.openedAt)}
                    </Table.Td>
                    <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>
                      {row.closedAt ? formatDateTime(row.closedAt) : none}
                    </Table.Td>
                    <Table.Td ta="right" className="mono">
                      {formatMoney(row.expected)}
                    </Table.Td>
                    <Table.Td ta="right" className="mono">
                      {row.counted === null ? none : formatMoney(row.counted)}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      className="mono"
                      fw={600}
                      c={row.difference === null ? 'dimmed' : differenceColor(row.difference)}
                      data-testid="cash-history-difference"
                    >
                      {row.difference === null ? none : formatMoney(row.difference)}
                    </Table.Td>
                    <Table.Td>
                      <SessionStatusBadge status={row.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="xs" c="dimmed">
              {total > 0
                ? t('cash.history.range', {
                    from: (page - 1) * HISTORY_PAGE_SIZE + 1,
                    to: Math.min(page * HISTORY_PAGE_SIZE, total),
                    total,
                  })
                : ''}
            </Text>
            <Pagination total={pages} value={page} onChange={setPage} size="sm" disabled={pages <= 1} />
          </Group>
        </>
      )}
    </Card>
  );
}
