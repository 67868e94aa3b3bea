import { Alert, Anchor, Center, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { NewPaymentButton } from './PaymentsPage';
import { PaymentTable } from './PaymentTable';

const PAGE_SIZE = 100;

/** The client page's "Paiements" tab: the client's payments with their receipts, and "Encaisser" (F2). */
export function ClientPayments({ clientId, readOnly }: { clientId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const list = useApiQuery('payments.list', { clientId, page: 1, pageSize: PAGE_SIZE }, { staleTime: 0 });
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
  const payButton = !readOnly && <NewPaymentButton clientId={clientId} label={t('payments.client.pay')} />;
  const { rows, total } = list.data;
  if (total === 0) {
    return (
      <Stack align="center" gap={8} py="lg" ta="center" maw={520} mx="auto" data-testid="client-payments-empty">
        <ThemeIcon variant="light" color="gray" size={44} radius="xl">
          <IconReceipt size={22} stroke={1.6} />
        </ThemeIcon>
        <Text fw={600} size="sm">
          {t('payments.client.emptyTitle')}
        </Text>
        <Text c="dimmed" size="sm">
          {t('payments.client.emptyBody')}
        </Text>
        {payButton}
      </Stack>
    );
  }
  return (
    <Stack gap="sm" data-testid="client-payments">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="client-payments-count">
          {t('payments.count', { count: total })}
        </Text>
        {payButton}
      </Group>
      <PaymentTable rows={rows} withClient={false} emptyText={t('payments.empty.filtered')} />
      {total > rows.length && (
        <Anchor component={Link} to="/payments" size="sm">
          {t('payments.client.all')}
        </Anchor>
      )}
    </Stack>
  );
}
