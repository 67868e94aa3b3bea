import { Alert, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { useCurrentUser, useSession } from '../../app/session';
import { locale } from '../../i18n';
import { RoleBadge } from '../../ui/RoleBadge';
import { missingCompanyFields, type RequiredField } from '../settings/completeness';
import { formatLongDate } from '../../../shared/dates';

const FIELD_LABEL_KEY = {
  name: 'settings.identity.name',
  address: 'settings.identity.address',
  city: 'settings.identity.city',
  ice: 'settings.legal.ice',
  ifNumber: 'settings.legal.ifNumber',
  rcNumber: 'settings.legal.rcNumber',
  patente: 'settings.legal.patente',
  cnss: 'settings.legal.cnss',
  rib: 'settings.bank.rib',
} as const satisfies Record<RequiredField, string>;

function todayInCasablanca(): string {
  return formatLongDate(new Date(), locale());
}

export function HomePage() {
  const { t } = useTranslation();
  const { user, can } = useCurrentUser();
  const { session } = useSession();
  const company = useApiQuery('settings.getCompany', {}, { staleTime: Infinity });
  const missing = company.isSuccess ? missingCompanyFields(company.data) : [];

  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={2} fz="h3">
          {t('home.greeting', { name: user.displayName })}
        </Title>
        <Text c="dimmed" size="sm" data-testid="today">
          {t('home.todayIs', { date: todayInCasablanca() })}
        </Text>
      </Stack>

      {missing.length > 0 &&
        (can('admin') ? (
          <Card data-testid="settings-incomplete" style={{ borderLeft: '4px solid var(--mantine-color-orange-6)' }}>
            <Group align="flex-start" wrap="nowrap" gap="md">
              <ThemeIcon color="orange" variant="light" size="lg" radius="md">
                <IconAlertTriangle size={20} />
              </ThemeIcon>
              <Stack gap="xs" style={{ flex: 1 }}>
                <Text fw={600}>{t('home.settingsIncomplete.title')}</Text>
                <Text size="sm" c="dimmed">
                  {t('home.settingsIncomplete.body')}
                </Text>
                <List size="sm" spacing={2} style={{ columns: 3 }}>
                  {missing.map((field) => (
                    <List.Item key={field}>{t(FIELD_LABEL_KEY[field])}</List.Item>
                  ))}
                </List>
                <Group>
                  <Button component={Link} to="/settings" size="xs" rightSection={<IconArrowRight size={14} />} mt={4}>
                    {t('home.settingsIncomplete.link')}
                  </Button>
                </Group>
              </Stack>
            </Group>
          </Card>
        ) : (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
            {t('home.settingsIncomplete.notice')}
          </Alert>
        ))}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
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
                <Table.Td>{company.data?.name ?? t('common.none')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td c="dimmed">{t('home.workstation.autoLock')}</Table.Td>
                <Table.Td>{t('home.workstation.autoLockValue', { count: session?.idleLockMinutes ?? 0 })}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {company.isSuccess && missing.length === 0 && (
            <Group gap={6} mt="sm">
              <IconCircleCheck size={16} color="var(--mantine-color-green-7)" />
              <Text size="sm" c="dimmed">
                {t('home.settingsComplete')}
              </Text>
            </Group>
          )}
        </Card>
        <Card>
          <Group gap="sm" mb="sm">
            <ThemeIcon variant="light" color="gray" radius="md">
              <IconHourglass size={18} />
            </ThemeIcon>
            <Text fw={600}>{t('home.upcoming.title')}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('home.upcoming.body')}
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
