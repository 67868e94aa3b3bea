import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupDto, BackupListDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { useApiMutation, useApiQuery } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { restorable } from './format';
import { agoLabel, invalidateBackups, sizeLabel } from './queries';
import { RestoreModal } from './RestoreModal';
import { SecondFolderForm } from './SecondFolderForm';

/** Administration › Sauvegardes (admin): the backups of both folders, a backup by hand, the second folder, restore. */
export function BackupsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<BackupDto | null>(null);
  const list = useApiQuery(
    'backup.list',
    {},
    { staleTime: 0, refetchInterval: (query) => (query.state.data?.running ? 2_000 : false) },
  );
  const create = useApiMutation('backup.create', {
    onSuccess: async (created) => {
      await invalidateBackups(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t('backup.created', { size: sizeLabel(t, created.backup.bytes) }),
      });
      if (created.secondary && !created.secondary.ok) {
        notifications.show({
          color: 'orange',
          autoClose: false,
          message: t('backup.createdSecondFailed', { message: created.secondary.message }),
        });
      }
    },
  });
  const running = create.isPending || (list.data?.running ?? false);

  return (
    <>
      <PageHeader
        title={t('backup.title')}
        subtitle={t('backup.subtitle')}
        actions={
          <Button
            leftSection={<IconDeviceFloppy size={18} />}
            loading={running}
            onClick={() => create.mutate({})}
            data-testid="backup-now"
          >
            {t('backup.createNow')}
          </Button>
        }
      />
      {(list.error ?? create.error) && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="md" role="alert" data-testid="backup-error">
          {(create.error ?? list.error)?.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : (
        list.data && (
          <Stack gap="md">
            <Status list={list.data} />
            <BackupTable backups={list.data.backups} onRestore={setChosen} />
            <Paper withBorder p="md">
              <SecondFolderForm />
            </Paper>
          </Stack>
        )
      )}
      <RestoreModal backup={chosen} onClose={() => setChosen(null)} />
    </>
  );
}

function Status({ list }: { list: BackupListDto }) {
  const { t } = useTranslation();
  const { folders, lastGoodAt } = list;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t('backup.status.lastGood')}
        </Text>
        {lastGoodAt ? (
          <Group gap="xs" mt={4} data-testid="backup-last-good">
            <IconShieldCheck size={18} color="var(--mantine-color-green-7)" />
            <Text fw={600}>{formatDateTime(lastGoodAt)}</Text>
            <Text size="sm" c="dimmed">
              {agoLabel(t, lastGoodAt)}
            </Text>
          </Group>
        ) : (
          <Text fw={600} c="orange.8" mt={4} data-testid="backup-last-good">
            {t('backup.status.none')}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t('backup.status.primary')}
        </Text>
        <Text size="sm" className="mono" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {folders.primary}
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t('backup.status.secondary')}
        </Text>
        {folders.secondary ? (
          <Stack gap={2} mt={4}>
            <Text size="sm" className="mono" style={{ overflowWrap: 'anywhere' }}>
              {folders.secondary}
            </Text>
            {folders.secondaryProblem && (
              <Text size="sm" c="red.7" data-testid="backup-second-problem">
                {t('backup.status.secondaryProblem', { problem: folders.secondaryProblem })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" mt={4}>
            {t('backup.status.noSecondary')}
          </Text>
        )}
      </Paper>
    </SimpleGrid>
  );
}

function BackupTable({ backups, onRestore }: { backups: BackupDto[]; onRestore: (backup: BackupDto) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <Table data-testid="backup-table" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('backup.columns.date')}</Table.Th>
            <Table.Th>{t('backup.columns.kind')}</Table.Th>
            <Table.Th>{t('backup.columns.location')}</Table.Th>
            <Table.Th ta="right">{t('backup.columns.size')}</Table.Th>
            <Table.Th>{t('backup.columns.state')}</Table.Th>
            <Table.Th ta="right">{t('backup.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={`${backup.location}/${backup.file}`} data-testid="backup-row" data-kind={backup.kind}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(backup.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{t(`backup.kinds.${backup.kind}`)}</Text>
                <Text size="xs" c="dimmed" className="mono">
                  {backup.file}
                </Text>
              </Table.Td>
              <Table.Td>{t(`backup.locations.${backup.location}`)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {sizeLabel(t, backup.bytes)}
              </Table.Td>
              <Table.Td>
                {backup.verified ? (
                  <Tooltip label={t('backup.verifiedHint')}>
                    <Badge color="green" variant="light" leftSection={<IconShieldCheck size={12} />}>
                      {t('backup.verified')}
                    </Badge>
                  </Tooltip>
                ) : (
                  <Badge color="gray" variant="light">
                    {t('backup.unverified')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {restorable(backup) && (
                  <Button
                    size="xs"
                    variant="light"
                    color="orange"
                    leftSection={<IconRestore size={14} />}
                    onClick={() => onRestore(backup)}
                    data-testid="backup-restore"
                  >
                    {t('backup.restore.action')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {backups.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" ta="center" py="lg" size="sm">
                  {t('backup.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        {t('backup.rotation')}
      </Text>
    </Paper>
  );
}
