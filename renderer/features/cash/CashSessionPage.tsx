import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Divider,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconArrowLeft, IconCashRegister, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CashSessionDto } from '../../../shared/api';
import { countedTotal, DENOMINATIONS } from '../../../shared/cash';
import { formatMoney } from '../../../shared/money';
import { useApiMutation, useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { StatusPage } from '../../ui/StatusPage';
import { methodLabel } from '../payments/PaymentBits';
import { denominationLabel } from './cash-count';
import {
  invalidateCash,
  MovementsCard,
  SessionFigures,
  SessionPeople,
  SessionStatusBadge,
  ZReportActions,
} from './CashBits';

/** #/cash/:id: one session, open or closed: its figures, count and difference, validation and Z report. */
export function CashSessionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const session = useApiQuery('cash.get', { id }, { enabled: valid, staleTime: 0 });
  if (!valid || session.error?.code === 'NOT_FOUND') {
    return (
      <StatusPage icon={IconCashRegister} color="gray" title={t('notFound.title')}>
        {t('cash.session.notFound')}
      </StatusPage>
    );
  }
  if (session.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {session.error.message}
      </Alert>
    );
  }
  if (!session.isSuccess) {
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  }
  return <SessionView session={session.data} />;
}

function SessionView({ session }: { session: CashSessionDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/cash" size="sm" c="dimmed" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('cash.session.back')}
        </Group>
      </Anchor>
      <Card padding="lg" data-testid="cash-session">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={2} fz="h3">
                {t('cash.session.title', { id: session.id })}
              </Title>
              <SessionStatusBadge status={session.status} size="lg" />
            </Group>
            <Text size="sm" fw={500}>
              {t('cash.session.deskTitle', { desk: session.desk })}
            </Text>
            <SessionPeople session={session} />
            {session.status === 'closed' && (
              <Text size="sm" c="orange.8" fw={500} data-testid="cash-to-validate">
                {t('cash.session.toValidate')}
              </Text>
            )}
          </Stack>
          {session.status === 'closed' && <ValidateButton session={session} />}
        </Group>
        <Stack mt="md">
          <SessionFigures session={session} />
        </Stack>
        {session.status !== 'open' && (
          <>
            <Divider my="md" />
            <ZReportActions sessionId={session.id} />
          </>
        )}
      </Card>
      {session.status !== 'open' && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <CountCard session={session} />
          <Stack gap="md">
            {session.closeNote && (
              <Card>
                <Title order={3} fz="md" mb="xs">
                  {t('cash.session.closeNote')}
                </Title>
                <Text size="sm" dir="auto" data-testid="cash-close-note">
                  {session.closeNote}
                </Text>
              </Card>
            )}
            {session.otherMethods.length > 0 && (
              <Card>
                <Title order={3} fz="md">
                  {t('cash.session.otherMethods')}
                </Title>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('cash.session.otherMethodsHint')}
                </Text>
                <Stack gap={4}>
                  {session.otherMethods.map((other) => (
                    <Group key={other.method} justify="space-between">
                      <Text size="sm">
                        {methodLabel(t, other.method)}{' '}
                        <Text span size="xs" c="dimmed">
                          {t('cash.session.payments', { count: other.count })}
                        </Text>
                      </Text>
                      <Text size="sm" className="mono">
                        {formatMoney(other.total)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Card>
            )}
          </Stack>
        </SimpleGrid>
      )}
      <MovementsCard session={session} />
    </Stack>
  );
}

/** "Valider la clôture": a manager signs off the count; a cashier sees the button, disabled, and why. */
function ValidateButton({ session }: { session: CashSessionDto }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const queryClient = useQueryClient();
  const validate = useApiMutation('cash.validate', {
    onSuccess: async (validated) => {
      await invalidateCash(queryClient);
      notifications.show({ color: 'green', message: t('cash.actions.validated', { id: validated.id }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const manager = can('manager');
  const button = (
    <Button
      leftSection={<IconChecks size={16} />}
      disabled={!manager}
      loading={validate.isPending}
      onClick={() => validate.mutate({ sessionId: session.id })}
      data-testid="cash-validate"
    >
      {t('cash.actions.validate')}
    </Button>
  );
  return manager ? (
    button
  ) : (
    <Tooltip label={t('cash.actions.validateManager')}>
      <span>{button}</span>
    </Tooltip>
  );
}

/** The count as typed at the close: each note and coin with its total (shared countedTotal). */
function CountCard({ session }: { session: CashSessionDto }) {
  const { t } = useTranslation();
  const counted = DENOMINATIONS.filter((d) => (session.count[String(d)] ?? 0) > 0);
  return (
    <Card padding={0} data-testid="cash-count-summary">
      <Title order={3} fz="md" px="lg" pt="md" pb="xs">
        {t('cash.session.count')}
      </Title>
      <Table verticalSpacing={4}>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>{t('cash.count.denomination')}</Table.Th>
            <Table.Th ta="right">{t('cash.count.quantity')}</Table.Th>
            <Table.Th ta="right">{t('cash.count.lineTotal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counted.map((denomination) => {
            const quantity = session.count[String(denomination)] ?? 0;
            return (
              <Table.Tr key={denomination}>
                <Table.Td className="mono">{denominationLabel(denomination)}</Table.Td>
                <Table.Td ta="right" className="mono">
                  {quantity}
                </Table.Td>
                <Table.Td ta="right" className="mono">
                  {formatMoney(countedTotal({ [String(denomination)]: quantity }))}
                </Table.Td>
              </Table.Tr>
            );
          })}
          <Table.Tr>
            <Table.Td fw={700}>{t('cash.count.counted')}</Table.Td>
            <Table.Td />
            <Table.Td ta="right" className="mono" fw={700}>
              {formatMoney(session.counted ?? 0)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}
