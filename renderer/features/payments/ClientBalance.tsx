import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCash, IconCheck, IconWallet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpenProformaDto } from '../../../shared/api';
import { formatMoney, parseMoney, type Currency } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';
import { useApiMutation, useApiQuery } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { moneyInput } from '../documents/proforma-form';
import { CurrencySuffix } from './PaymentSections';
import { invalidatePayments } from './queries';

/**
 * The client page's "Solde" tab: the credit left on the account per currency (credit notes, overpayments), and the
 * open proformas with what is left to pay; the credit is spent on one of them with "Utiliser le crédit".
 */
export function ClientBalance({ clientId, readOnly }: { clientId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const balance = useApiQuery('documents.clientBalance', { clientId }, { staleTime: 0 });
  const items = useApiQuery('payments.openItems', { clientId }, { staleTime: 0 });
  const [using, setUsing] = useState<OpenProformaDto | null>(null);
  const error = balance.error ?? items.error;
  if (error) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {error.message}
      </Alert>
    );
  }
  if (!balance.isSuccess || !items.isSuccess) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  const credits = balance.data.filter((c) => c.amount !== 0);
  const creditIn = (currency: Currency) => credits.find((c) => c.currency === currency)?.amount ?? 0;
  const none = t('common.none');
  const { proformas } = items.data;

  return (
    <Stack gap="md" data-testid="client-balance">
      <Card withBorder padding="md" bg={credits.length > 0 ? 'teal.0' : undefined} data-testid="balance-credit">
        <Group gap="xs" mb={6}>
          <IconWallet size={18} color="var(--mantine-color-teal-8)" />
          <Text size="sm" fw={600}>
            {t('payments.balance.creditTitle')}
          </Text>
        </Group>
        {credits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('payments.balance.noCredit')}
          </Text>
        ) : (
          <Group gap="lg">
            {credits.map((credit) => (
              <Text
                key={credit.currency}
                fw={800}
                fz={24}
                className="mono"
                c="teal.9"
                data-testid="balance-credit-amount"
              >
                {formatMoney(credit.amount, credit.currency)}
              </Text>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed" mt={6}>
          {t('payments.balance.creditHint')}
        </Text>
      </Card>
      {proformas.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="balance-no-open">
          {t('payments.balance.noOpen')}
        </Text>
      ) : (
        <Card withBorder padding={0}>
          <Title order={3} fz="sm" px="md" pt="sm" pb={4}>
            {t('payments.balance.openTitle')}
          </Title>
          <Table.ScrollContainer minWidth={860} type="native">
            <Table verticalSpacing="xs" data-testid="balance-proformas" styles={{ th: { whiteSpace: 'nowrap' } }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payments.allocation.columns.number')}</Table.Th>
                  <Table.Th w={100}>{t('payments.allocation.columns.issueDate')}</Table.Th>
                  <Table.Th w={100}>{t('payments.allocation.columns.dueDate')}</Table.Th>
                  <Table.Th w={130} ta="right">
                    {t('payments.allocation.columns.ttc')}
                  </Table.Th>
                  <Table.Th w={140} ta="right">
                    {t('payments.allocation.columns.balance')}
                  </Table.Th>
                  <Table.Th w={300} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proformas.map((proforma) => {
                  const number = proforma.number ?? '';
                  const available = creditIn(proforma.currency);
                  const useButton = (
                    <Button
                      size="xs"
                      variant="light"
                      color="teal"
                      leftSection={<IconWallet size={14} />}
                      disabled={readOnly || available <= 0}
                      onClick={() => setUsing(proforma)}
                      aria-label={t('payments.balance.useCreditOf', { number })}
                      data-testid="balance-use-credit"
                    >
                      {t('payments.balance.useCredit')}
                    </Button>
                  );
                  return (
                    <Table.Tr key={proforma.id} data-testid="balance-proforma">
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/billing/${proforma.id}`}
                          className="mono"
                          fw={600}
                          size="sm"
                          data-testid="balance-proforma-number"
                        >
                          {number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="mono">
                        {proforma.issueDate ? formatCalendarDate(proforma.issueDate) : none}
                      </Table.Td>
                      <Table.Td className="mono">
                        {proforma.dueDate ? formatCalendarDate(proforma.dueDate) : none}
                      </Table.Td>
                      <Table.Td ta="right" className="mono">
                        {formatMoney(proforma.ttc, proforma.currency)}
                      </Table.Td>
                      <Table.Td ta="right" className="mono" fw={600} data-testid="balance-proforma-due">
                        {formatMoney(proforma.balance, proforma.currency)}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          {available > 0 || readOnly ? (
                            useButton
                          ) : (
                            <Tooltip label={t('payments.balance.noCreditIn', { currency: proforma.currency })}>
                              <span>{useButton}</span>
                            </Tooltip>
                          )}
                          {!readOnly && (
                            <Button
                              component={Link}
                              to={`/payments/new?client=${clientId}&document=${proforma.id}`}
                              size="xs"
                              leftSection={<IconCash size={14} />}
                              aria-label={t('payments.balance.payOf', { number })}
                              data-testid="balance-pay"
                            >
                              {t('payments.balance.pay')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Modal
        opened={using !== null}
        onClose={() => setUsing(null)}
        title={t('payments.balance.dialogTitle', { number: using?.number ?? '' })}
      >
        {using && (
          <UseCreditForm
            clientId={clientId}
            proforma={using}
            available={creditIn(using.currency)}
            onDone={() => setUsing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function UseCreditForm({
  clientId,
  proforma,
  available,
  onDone,
}: {
  clientId: number;
  proforma: OpenProformaDto;
  available: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const most = Math.min(available, proforma.balance);
  const number = proforma.number ?? '';
  const form = useForm({
    mode: 'controlled',
    initialValues: { amount: moneyInput(most) },
    validate: {
      amount: (text) => {
        const amount = parseMoney(text);
        if (amount === null || amount <= 0) return t('payments.balance.errors.amount');
        if (amount > most) return t('payments.balance.errors.tooMuch', { max: formatMoney(most, proforma.currency) });
        return null;
      },
    },
  });
  const apply = useApiMutation('payments.applyCredit', {
    onSuccess: async (document, input) => {
      await invalidatePayments(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message:
          document.status === 'paid'
            ? t('payments.balance.invoiced', { number })
            : t('payments.balance.done', { amount: formatMoney(input.amount, proforma.currency), number }),
      });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const row = (label: string, amount: number, testId: string) => (
    <Group justify="space-between">
      <Text size="sm">{label}</Text>
      <Text size="sm" className="mono" fw={600} data-testid={testId}>
        {formatMoney(amount, proforma.currency)}
      </Text>
    </Group>
  );
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ amount }) =>
        apply.mutate({ clientId, documentId: proforma.id, amount: parseMoney(amount) ?? 0 }),
      )}
      data-testid="use-credit-form"
    >
      <Stack gap="md">
        <Text size="sm">{t('payments.balance.dialogBody', { currency: proforma.currency })}</Text>
        <Stack gap={4}>
          {row(t('payments.balance.available'), available, 'use-credit-available')}
          {row(t('payments.balance.remaining'), proforma.balance, 'use-credit-remaining')}
        </Stack>
        {apply.error && !apply.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {apply.error.message}
          </Alert>
        )}
        <TextInput
          label={t('payments.balance.amount')}
          required
          inputMode="decimal"
          data-autofocus
          rightSection={<CurrencySuffix currency={proforma.currency} />}
          {...form.getInputProps('amount')}
          data-testid="use-credit-amount"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="teal"
            leftSection={<IconWallet size={16} />}
            loading={apply.isPending}
            data-testid="use-credit-submit"
          >
            {t('payments.balance.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
