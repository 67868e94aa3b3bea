import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Paper,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconDots, IconKey, IconLockOpen, IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { queryKey, useApiMutation, useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { RoleBadge } from '../../ui/RoleBadge';
import { ResetPasswordModal, StaffFormModal } from './StaffModals';

type Dialog = { kind: 'create' } | { kind: 'edit'; staff: StaffDto } | { kind: 'reset'; staff: StaffDto } | null;

/** "26/11/2026": the day is enough for when an account was opened. */
const formatDate = (iso: string) => formatDateTime(iso).split(' ')[0];

/** The time, refreshed every `everyMs`: a lockout ends on its own while the list is open. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

function isLocked(staff: StaffDto, now: number): boolean {
  return staff.lockedUntil !== null && Date.parse(staff.lockedUntil) > now;
}

export function StaffPage() {
  const { t } = useTranslation();
  const { user, can } = useCurrentUser();
  const isAdmin = can('admin');
  const queryClient = useQueryClient();
  const staff = useApiQuery('staff.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const now = useNow(30_000);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKey('staff.list') });
  const unlock = useApiMutation('staff.unlock', {
    onSuccess: (unlocked) => {
      void refresh();
      notifications.show({ color: 'green', message: t('staff.unlocked', { name: unlocked.displayName }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        subtitle={isAdmin ? t('staff.subtitle') : t('staff.subtitleManager')}
        actions={
          isAdmin && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
              {t('staff.create')}
            </Button>
          )
        }
      />
      {staff.isPending && (
        <Center py={60}>
          <Loader />
        </Center>
      )}
      {staff.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.loadFailed')}>
          {staff.error.message}
        </Alert>
      )}
      {staff.isSuccess && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900} type="native">
            <Table
              data-testid="staff-table"
              horizontalSpacing="sm"
              styles={{ th: { whiteSpace: 'nowrap' }, td: { whiteSpace: 'nowrap' } }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.columns.name')}</Table.Th>
                  <Table.Th>{t('staff.columns.username')}</Table.Th>
                  <Table.Th>{t('staff.columns.role')}</Table.Th>
                  <Table.Th>{t('staff.columns.status')}</Table.Th>
                  <Table.Th>{t('staff.columns.lockedUntil')}</Table.Th>
                  <Table.Th>{t('staff.columns.createdAt')}</Table.Th>
                  <Table.Th w={1} ta="right">
                    {t('common.actions')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {staff.data.map((member) => {
                  const locked = isLocked(member, now);
                  return (
                    <Table.Tr key={member.id} data-testid={`staff-row-${member.username}`}>
                      <Table.Td fw={500}>
                        {member.displayName}
                        {member.id === user.id && (
                          <Text span c="dimmed" size="xs" ml={6}>
                            ({t('staff.you')})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td className="mono">{member.username}</Table.Td>
                      <Table.Td>
                        <RoleBadge role={member.role} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Badge color={member.active ? 'green' : 'gray'} variant="dot">
                            {member.active ? t('staff.active') : t('staff.inactive')}
                          </Badge>
                          {locked && (
                            <Badge color="orange" data-testid="locked-badge">
                              {t('staff.locked')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td c={locked ? 'orange.8' : 'dimmed'}>
                        {locked && member.lockedUntil ? formatDateTime(member.lockedUntil) : t('common.none')}
                      </Table.Td>
                      <Table.Td c="dimmed">{formatDate(member.createdAt)}</Table.Td>
                      <Table.Td>
                        <Group gap={6} justify="flex-end" wrap="nowrap">
                          {locked && (
                            <Button
                              size="compact-sm"
                              variant="light"
                              color="orange"
                              leftSection={<IconLockOpen size={14} />}
                              loading={unlock.isPending && unlock.variables.id === member.id}
                              onClick={() => unlock.mutate({ id: member.id })}
                            >
                              {t('staff.unlock')}
                            </Button>
                          )}
                          {isAdmin && (
                            <Menu position="bottom-end" shadow="md" withinPortal>
                              <Menu.Target>
                                <Tooltip label={t('common.actions')}>
                                  <ActionIcon
                                    variant="subtle"
                                    color="gray"
                                    aria-label={t('staff.actionsFor', { name: member.displayName })}
                                  >
                                    <IconDots size={16} />
                                  </ActionIcon>
                                </Tooltip>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item
                                  leftSection={<IconPencil size={15} />}
                                  onClick={() => setDialog({ kind: 'edit', staff: member })}
                                >
                                  {t('common.edit')}
                                </Menu.Item>
                                <Menu.Item
                                  leftSection={<IconKey size={15} />}
                                  onClick={() => setDialog({ kind: 'reset', staff: member })}
                                >
                                  {t('staff.resetPassword')}
                                </Menu.Item>
                              </Menu.Dropdown>
                            </Menu>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            {t('staff.count', { count: staff.data.length })}
          </Text>
        </Paper>
      )}
      <StaffFormModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        staff={dialog?.kind === 'edit' ? dialog.staff : null}
        onClose={() => setDialog(null)}
        onSaved={() => void refresh()}
      />
      <ResetPasswordModal
        staff={dialog?.kind === 'reset' ? dialog.staff : null}
        onClose={() => setDialog(null)}
        onSaved={() => void refresh()}
      />
    </>
  );
}
