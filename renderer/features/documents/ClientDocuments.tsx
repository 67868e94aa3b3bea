import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconFileInvoice, IconFilePlus, IconWallet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../shared/money';
import { useApiQuery } from '../../api';
import { DocumentTable } from './DocumentTable';

const PAGE_SIZE = 100;

/** The client page's "Documents" tab: the client's proformas, invoices and credit notes, and any credit left to use. */
export function ClientDocuments({ clientId, readOnly }: { clientId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const list = useApiQuery('documents.list', { clientId, page: 1, pageSize: PAGE_SIZE }, { staleTime: 0 });
  const balance = useApiQuery('documents.clientBalance', { clientId }, { staleTime: 0 });
  const credits = (balance.data ?? []).filter((b) => b.amount !== 0);

  if (list.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {list.error.message}
      </Alert>
    );
  }
  if (!list.isSuccess) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  const newButton = !readOnly && (
    <Button
      component={Link}
      to={`/billing/new?client=${clientId}`}
      leftSection={<IconFilePlus size={16} />}
      data-testid="client-new-proforma"
    >
      {t('documents.clientTab.new')}
    </Button>
  );
  const { rows, total } = list.data;
  return (
    <Stack gap="sm">
      {credits.length > 0 && (
        <Alert color="teal" variant="light" icon={<IconWallet size={18} />} data-testid="client-credit">
          <Text size="sm" fw={600}>
            {t('documents.clientTab.balance', {
              amount: credits.map((c) => formatMoney(c.amount, c.currency)).join(' · '),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('documents.clientTab.balanceHint')}
          </Text>
        </Alert>
      )}
      {total === 0 ? (
        <Stack align="center" gap={8} py="lg" ta="center" maw={520} mx="auto" data-testid="client-documents-empty">
          <ThemeIcon variant="light" color="gray" size={44} radius="xl">
            <IconFileInvoice size={22} stroke={1.6} />
          </ThemeIcon>
          <Text fw={600} size="sm">
            {t('documents.clientTab.emptyTitle')}
          </Text>
          <Text c="dimmed" size="sm">
            {t('documents.clientTab.emptyBody')}
          </Text>
          {newButton}
        </Stack>
      ) : (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('documents.count', { count: total })}
            </Text>
            {newButton}
          </Group>
          <DocumentTable rows={rows} withClient={false} withType emptyText={t('documents.empty.filtered')} />
          {total > rows.length && (
            <Anchor component={Link} to={`/billing?client=${clientId}`} size="sm">
              {t('documents.clientTab.all')}
            </Anchor>
          )}
        </>
      )}
    </Stack>
  );
}
