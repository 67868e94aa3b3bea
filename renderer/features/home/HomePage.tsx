import {
  Alert,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatLongDate } from '../../../shared/dates';
import { useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { locale } from '../../i18n';
import { missingCompanyFields, type RequiredField } from '../settings/completeness';
import { DomainsSection, GraceSection, ProformasSection, ToActSection } from './DashboardSections';
import { DashboardTiles, SECTION_ICON } from './DashboardTiles';
import { RunStrip } from './RunStrip';
import { Workstation } from './Workstation';

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

/** The dashboard is read again every few minutes: the billing run and the outbox work in the background. */
const REFRESH_MS = 2 * 60_000;

function SettingsIncomplete({ missing }: { missing: RequiredField[] }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  if (!can('admin')) {
    return (
      <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
        {t('home.settingsIncomplete.notice')}
      </Alert>
    );
  }
  return (
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
  );
}

/** #/ — the morning dashboard: today's work at a glance, each line leading to its client. */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const company = useApiQuery('settings.getCompany', {}, { staleTime: Infinity });
  const dashboard = useApiQuery('dashboard.today', {}, { refetchInterval: REFRESH_MS, staleTime: 0 });
  const missing = company.isSuccess ? missingCompanyFields(company.data) : [];
  const data = dashboard.data;

  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={2} fz="h3">
          {t('home.greeting', { name: user.displayName })}
        </Title>
        <Text c="dimmed" size="sm" data-testid="today">
          {t('home.todayIs', { date: formatLongDate(new Date(), locale()) })}
        </Text>
      </Stack>

      {missing.length > 0 && <SettingsIncomplete missing={missing} />}

      {dashboard.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {dashboard.error.message}
        </Alert>
      )}
      {!data ? (
        dashboard.isPending && (
          <Center py={60}>
            <Loader />
          </Center>
        )
      ) : (
        <>
          <RunStrip data={data} />
          <DashboardTiles data={data} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ToActSection section={data.servicesToAct} icon={SECTION_ICON.toAct} />
            <ProformasSection id="overdue" section={data.proformasOverdue} icon={SECTION_ICON.overdue} />
            <DomainsSection section={data.domainsExpiring} icon={SECTION_ICON.domains} />
            <ProformasSection id="due" section={data.proformasDue} icon={SECTION_ICON.due} />
            <GraceSection section={data.domainsInGrace} icon={SECTION_ICON.grace} />
            <Workstation
              companyName={company.data?.name ?? null}
              settingsComplete={company.isSuccess && missing.length === 0}
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
