import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Menu,
  Stack,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconDots,
  IconEraser,
  IconFileExport,
  IconFileInvoice,
  IconFlag,
  IconHistory,
  IconPencil,
  IconReceipt,
  IconServer2,
  IconWallet,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ClientDataExport, ClientDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { useApiMutation, useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { ClientDocuments } from '../documents/ClientDocuments';
import { ClientBalance } from '../payments/ClientBalance';
import { ClientPayments } from '../payments/ClientPayments';
import { MoneyLine } from '../payments/MoneyLine';
import { NewPaymentButton } from '../payments/PaymentsPage';
import { ClientStatement } from './ClientStatement';
import { ClientServices } from '../services/ClientServices';
import { ClientKindIcon, ClientName, ClientStatusBadge } from './ClientBits';
import { AnonymizeModal, ExportDataModal, StatusModal, type ClientDialog } from './ClientDialogs';
import { ContactsCard, IdentityCard } from './ClientCards';
import { ClientHistory } from './ClientHistory';
import { ClientNotFound } from './ClientNotFound';
import { invalidateClients } from './queries';

/** "26/11/2026": the day is enough for when a client arrived. */
const formatDate = (iso: string) => formatDateTime(iso).split(' ')[0] ?? '';

/** #/clients/:id */
export function ClientPage() {
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const client = useApiQuery('clients.get', { id }, { enabled: valid, staleTime: 0 });
  if (!valid || client.error?.code === 'NOT_FOUND') return <ClientNotFound />;
  if (client.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {client.error.message}
      </Alert>
    );
  }
  if (!client.isSuccess) {
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  }
  return <ClientView key={client.data.id} client={client.data} />;
}

function ClientView({ client }: { client: ClientDto }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<ClientDialog>(null);
  const [exported, setExported] = useState<ClientDataExport | null>(null);
  const anonymized = client.anonymizedAt !== null;
  const navigate = useNavigate();
  // F2 takes a payment from this client, wherever the focus is on the page.
  useHotkeys(anonymized ? [] : [['F2', () => void navigate(`/payments/new?client=${client.id}`)]], [], true);

  return (
    <Stack gap="md">
      <ClientHeader client={client} onDialog={setDialog} onExported={setExported} />
      {anonymized && client.anonymizedAt && (
        <Alert color="gray" icon={<IconEraser size={18} />} data-testid="client-anonymized">
          {t('clients.page.anonymized', { date: formatDate(client.anonymizedAt) })}
        </Alert>
      )}
      <Grid gap="md" align="stretch">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <IdentityCard client={client} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ContactsCard client={client} />
        </Grid.Col>
      </Grid>
      <ClientTabs client={client} />
      <StatusModal client={client} opened={dialog === 'status'} onClose={() => setDialog(null)} />
      <AnonymizeModal client={client} opened={dialog === 'anonymize'} onClose={() => setDialog(null)} />
      <ExportDataModal client={client} data={exported} onClose={() => setExported(null)} />
    </Stack>
  );
}

function ClientHeader({
  client,
  onDialog,
  onExported,
}: {
  client: ClientDto;
  onDialog: (dialog: ClientDialog) => void;
  onExported: (data: ClientDataExport) => void;
}) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const anonymized = client.anonymizedAt !== null;
  const queryClient = useQueryClient();
  const exportData = useApiMutation('clients.exportData', {
    onSuccess: (data) => {
      onExported(data);
      // The export is an access to personal data: it is in the client's history from now on.
      void invalidateClients(queryClient);
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  return (
    <Card padding="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
          <ClientKindIcon kind={client.kind} size={52} />
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="sm" wrap="nowrap">
              <Badge variant="outline" color="gray" className="mono" data-testid="client-code">
                {client.code}
              </Badge>
              <Text size="sm" c="dimmed">
                {t(`clients.kind.${client.kind}`)}
              </Text>
              <ClientStatusBadge status={client.status} />
            </Group>
            <Title order={2} fz="h3" lh={1.25} style={{ overflowWrap: 'anywhere' }}>
              <ClientName name={client.displayName} data-testid="client-name" />
            </Title>
            <Text size="xs" c="dimmed">
              {t('clients.page.since', { date: formatDate(client.createdAt) })}
            </Text>
          </Stack>
        </Group>
        <Group gap="sm" wrap="nowrap">
          {!anonymized && <NewPaymentButton clientId={client.id} label={t('payments.client.pay')} />}
          {!anonymized && (
            <Button
              component={Link}
              to={`/clients/${client.id}/edit`}
              variant="default"
              leftSection={<IconPencil size={16} />}
            >
              {t('common.edit')}
            </Button>
          )}
          {can('manager') && (
            // Secondary actions folded into one menu: at 1366×768 the buttons left the status badge no room.
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <Tooltip label={t('clients.page.more')}>
                  <ActionIcon
                    variant="default"
                    size={36}
                    aria-label={t('clients.page.more')}
                    loading={exportData.isPending}
                    data-testid="client-more"
                  >
                    <IconDots size={18} />
                  </ActionIcon>
                </Tooltip>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconFlag size={16} />}
                  onClick={() => onDialog('status')}
                  disabled={anonymized}
                  data-testid="client-change-status"
                >
                  {t('clients.page.changeStatus')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconFileExport size={16} />}
                  onClick={() => exportData.mutate({ id: client.id })}
                  data-testid="client-export-data"
                >
                  {t('clients.page.exportData')}
                </Menu.Item>
                {can('admin') && !anonymized && (
                  <Menu.Item color="red" leftSection={<IconEraser size={16} />} onClick={() => onDialog('anonymize')}>
                    {t('clients.page.anonymize')}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {!anonymized && (
        <Box mt="sm">
          <MoneyLine clientId={client.id} />
        </Box>
      )}
    </Card>
  );
}

function ClientTabs({ client }: { client: ClientDto }) {
  const { t } = useTranslation();
  const readOnly = client.anonymizedAt !== null || client.status === 'terminated';
  return (
    <Card padding={0}>
      <Tabs defaultValue="services" keepMounted={false}>
        <Tabs.List px="md" pt={4}>
          <Tabs.Tab value="services" leftSection={<IconServer2 size={16} />}>
            {t('clients.page.tabs.services')}
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFileInvoice size={16} />}>
            {t('clients.page.tabs.documents')}
          </Tabs.Tab>
          <Tabs.Tab value="payments" leftSection={<IconReceipt size={16} />}>
            {t('clients.page.tabs.payments')}
          </Tabs.Tab>
          <Tabs.Tab value="balance" leftSection={<IconWallet size={16} />}>
            {t('clients.page.tabs.balance')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('clients.page.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services" p="lg">
          <ClientServices clientId={client.id} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" p="lg">
          <ClientDocuments clientId={client.id} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="payments" p="lg">
          <ClientPayments clientId={client.id} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="balance" p="lg">
          <ClientStatement clientId={client.id} />
          <ClientBalance clientId={client.id} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="history" p="lg">
          <ClientHistory clientId={client.id} />
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}
