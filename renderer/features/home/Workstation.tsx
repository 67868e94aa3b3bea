import { Card, Group, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useSession } from '../../app/session';
import { RoleBadge } from '../../ui/RoleBadge';

/** Who is at this workstation, for which company, and when it locks itself. */
export function Workstation({
  companyName,
  settingsComplete,
}: {
  companyName: string | null;
  settingsComplete: boolean;
}) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { session } = useSession();
  return (
    <Card>
      <Text fw={600} mb="sm">
        {t('home.workstation.title')}
      </Text>
      <Table withRowBorders={false} highlightOnHover={false} verticalSpacing={6} horizontalSpacing={0}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td c="dimmed" w="45%">
              {t('home.workstation.user')}
            </Table.Td>
            <Table.Td>
              {user.displayName}{' '}
              <Text span c="dimmed" className="mono">
                ({user.username})
              </Text>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td c="dimmed">{t('home.workstation.role')}</Table.Td>
            <Table.Td>
              <RoleBadge role={user.role} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td c="dimmed">{t('home.workstation.company')}</Table.Td>
            <Table.Td>{companyName ?? t('common.none')}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td c="dimmed">{t('home.workstation.autoLock')}</Table.Td>
            <Table.Td>{t('home.workstation.autoLockValue', { count: session?.idleLockMinutes ?? 0 })}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {settingsComplete && (
        <Group gap={6} mt="sm">
          <IconCircleCheck size={16} color="var(--mantine-color-green-7)" />
          <Text size="sm" c="dimmed">
            {t('home.settingsComplete')}
          </Text>
        </Group>
      )}
    </Card>
  );
}
