import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  Modal,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconCheck,
  IconDatabaseImport,
  IconFileExport,
  IconFileImport,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ClientHit, Input } from '../../../shared/api';
import { CLIENT_STATUSES, type ClientStatus } from '../../../shared/client';
import { useApiMutation, useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { downloadBlob } from '../../ui/download';
import { PageHeader } from '../../ui/PageHeader';
import { ClientKindIcon, ClientName, ClientStatusBadge } from './ClientBits';
import { useClientSearch } from './ClientSearch';
import { invalidateClients } from './queries';

const PAGE_SIZE = 50;
type StatusFilter = ClientStatus | 'all';

/** #/clients: every client, newest first, 50 a page; finding one is the search palette's job. */
export function ClientsPage() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const navigate = useNavigate();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(1);
  const [demoOpened, setDemoOpened] = useState(false);
  const input: Input<'clients.list'> = { page, pageSize: PAGE_SIZE, ...(status === 'all' ? {} : { status }) };
  const list = useApiQuery('clients.list', input, { placeholderData: keepPreviousData, staleTime: 0 });
  const exportCsv = useApiMutation('clients.exportCsv', {
    onSuccess: ({ fileName, csv }) => {
      downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
      notifications.show({ color: 'green', message: t('clients.exported', { file: fileName }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const empty = list.isSuccess && total === 0 && status === 'all';

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        subtitle={t('clients.subtitle')}
        actions={
          <>
            {can('manager') && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconFileImport size={16} />}
                  onClick={() => void navigate('/clients/import')}
                >
                  {t('clients.importButton')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconFileExport size={16} />}
                  loading={exportCsv.isPending}
                  disabled={empty}
                  onClick={() => exportCsv.mutate(status === 'all' ? {} : { status })}
                >
                  {t('clients.exportCsv')}
                </Button>
              </>
            )}
            <Button component={Link} to="/clients/new" leftSection={<IconUserPlus size={16} />}>
              {t('clients.new')}
            </Button>
          </>
        }
      />
      {list.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="md" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : empty ? (
        <EmptyClients onDemo={can('admin') ? () => setDemoOpened(true) : undefined} />
      ) : (
        <>
          <Group justify="space-between" mb="sm" gap="md">
            <SegmentedControl
              aria-label={t('clients.statusFilter')}
              value={status}
              onChange={(value) => {
                setStatus(value);
                setPage(1);
              }}
              data={[
                { value: 'all', label: t('clients.all') },
                ...CLIENT_STATUSES.map((s) => ({ value: s, label: t(`clients.statusPlural.${s}`) })),
              ]}
              data-testid="client-status-filter"
            />
            <SearchTip />
          </Group>
          <Paper withBorder>
            <ClientTable rows={list.data?.rows ?? []} dimmed={list.isPlaceholderData} />
            <Group
              justify="space-between"
              px="md"
              py="xs"
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Text size="xs" c="dimmed" data-testid="clients-total">
                {total > 0
                  ? t('clients.range', {
                      from: (page - 1) * PAGE_SIZE + 1,
                      to: Math.min(page * PAGE_SIZE, total),
                      total,
                    })
                  : t('clients.count', { count: 0 })}
              </Text>
              <Pagination total={pages} value={page} onChange={setPage} size="sm" disabled={pages <= 1} />
            </Group>
          </Paper>
        </>
      )}
      <DemoModal opened={demoOpened} onClose={() => setDemoOpened(false)} />
    </>
  );
}

function SearchTip() {
  const { t } = useTranslation();
  const { open } = useClientSearch();
  return (
    <Text size="sm" c="dimmed">
      {t('clients.searchTip')}{' '}
      <Anchor component="button" type="button" onClick={open} size="sm" underline="never">
        <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">K</Kbd>
      </Anchor>
    </Text>
  );
}

function ClientTable({ rows, dimmed }: { rows: ClientHit[]; dimmed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const none = (
    <Text span c="dimmed" size="sm">
      {t('common.none')}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={1020} type="native">
      <Table
        data-testid="clients-table"
        horizontalSpacing="sm"
        style={{ opacity: dimmed ? 0.6 : 1, tableLayout: 'fixed' }}
        styles={{ th: { whiteSpace: 'nowrap' } }}
      >
        <Table.Thead>
          <Table.Tr>
            {/* Fixed widths for the short columns; name and e-mail share the rest. */}
            <Table.Th w={100}>{t('clients.columns.code')}</Table.Th>
            <Table.Th w="22%">{t('clients.columns.name')}</Table.Th>
            <Table.Th w={110}>{t('clients.columns.city')}</Table.Th>
            <Table.Th w={162}>{t('clients.columns.phone')}</Table.Th>
            <Table.Th>{t('clients.columns.email')}</Table.Th>
            <Table.Th w={144}>{t('clients.columns.ice')}</Table.Th>
            <Table.Th w={90}>{t('clients.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              className="clickable-row"
              onClick={() => void navigate(`/clients/${row.id}`)}
              data-testid="client-row"
            >
              <Table.Td className="mono cell-truncate" c="dimmed">
                {row.code}
              </Table.Td>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <ClientKindIcon kind={row.kind} size={26} />
                  <Anchor
                    component={Link}
                    to={`/clients/${row.id}`}
                    className="row-link cell-truncate"
                    fw={500}
                    size="sm"
                    title={row.displayName}
                    onClick={(event) => event.stopPropagation()}
                  >
                    <ClientName name={row.displayName} />
                  </Anchor>
                </Group>
              </Table.Td>
              <Table.Td className="cell-truncate" title={row.city}>
                {row.city ? <ClientName name={row.city} /> : none}
              </Table.Td>
              <Table.Td className="cell-truncate" dir="ltr">
                {row.phone ?? none}
              </Table.Td>
              <Table.Td className="cell-truncate" title={row.email ?? undefined}>
                {row.email ?? none}
              </Table.Td>
              <Table.Td className="mono cell-truncate">{row.ice || none}</Table.Td>
              <Table.Td>
                <ClientStatusBadge status={row.status} />
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed" ta="center" py="lg" size="sm">
                  {t('clients.empty.filtered')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EmptyClients({ onDemo }: { onDemo: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  return (
    <Paper withBorder p="xl" data-testid="clients-empty">
      <Stack align="center" gap="sm" py="xl" maw={560} mx="auto" ta="center">
        <IconUsers size={44} stroke={1.3} color="var(--mantine-color-brand-7)" />
        <Text fw={600} size="lg">
          {t('clients.empty.title')}
        </Text>
        <Text c="dimmed" size="sm">
          {t('clients.empty.body')}
        </Text>
        <Group gap="sm" mt="sm" justify="center">
          <Button component={Link} to="/clients/new" leftSection={<IconUserPlus size={16} />}>
            {t('clients.new')}
          </Button>
          {can('manager') && (
            <Button component={Link} to="/clients/import" variant="default" leftSection={<IconFileImport size={16} />}>
              {t('clients.importButton')}
            </Button>
          )}
          {onDemo && (
            <Button variant="light" leftSection={<IconDatabaseImport size={16} />} onClick={onDemo}>
              {t('clients.demo.button')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function DemoModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const load = useApiMutation('clients.loadDemo', {
    onSuccess: async ({ created }) => {
      await invalidateClients(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t('clients.demo.done', { count: created }),
      });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('clients.demo.title')} size="md">
      <Stack gap="md">
        <Text size="sm">{t('clients.demo.body')}</Text>
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          {t('clients.demo.warning')}
        </Alert>
        {load.error && (
          <Alert color="red" role="alert">
            {load.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={load.isPending} onClick={() => load.mutate({})} data-autofocus>
            {t('clients.demo.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
