import {
  ActionIcon,
  Alert,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  Pagination,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { IconAlertTriangle, IconCash, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PAYMENT_METHODS } from '../../../shared/payment-methods';
import { useApiQuery } from '../../api';
import { DateField } from '../../ui/DateField';
import { PageHeader } from '../../ui/PageHeader';
import { ClientPicker } from '../clients/ClientPicker';
import { isFiltered, NO_PAYMENT_FILTERS, paymentListInput, type PaymentFilters } from './list-filters';
import { methodLabel } from './PaymentBits';
import { PaymentTable } from './PaymentTable';

const PAGE_SIZE = 50;

/** The payment screen's button, with its key: F2 opens it from the list and from a client's page. */
export function NewPaymentButton({ clientId, label }: { clientId?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={clientId === undefined ? '/payments/new' : `/payments/new?client=${clientId}`}
      leftSection={clientId === undefined ? <IconPlus size={16} /> : <IconCash size={16} />}
      rightSection={
        <Kbd size="xs" c="inherit" bg="transparent" bd="1px solid currentColor" style={{ opacity: 0.8 }}>
          F2
        </Kbd>
      }
      aria-keyshortcuts="F2"
      data-testid="new-payment"
    >
      {label ?? t('payments.new')}
    </Button>
  );
}

/** #/payments: every payment, filtered and paged; a row opens its payment. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<PaymentFilters>(NO_PAYMENT_FILTERS);
  const [page, setPage] = useState(1);
  // The receipt number is applied on Enter; the date fields drop what was typed when the filters are cleared.
  const [numberText, setNumberText] = useState('');
  const [resetKey, setResetKey] = useState(0);
  useHotkeys([['F2', () => void navigate('/payments/new')]], []);

  const list = useApiQuery('payments.list', paymentListInput(filters, page, PAGE_SIZE), {
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const change = (patch: Partial<PaymentFilters>) => {
    setFilters((previous) => ({ ...previous, ...patch }));
    setPage(1);
  };
  const filtered = isFiltered(filters) || numberText !== '';
  const clear = () => {
    change(NO_PAYMENT_FILTERS);
    setNumberText('');
    setResetKey((key) => key + 1);
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader title={t('payments.title')} subtitle={t('payments.subtitle')} actions={<NewPaymentButton />} />
      <Paper withBorder p="md" mb="md">
        <Stack gap="sm">
          <Group gap="md" align="flex-start" wrap="wrap">
            <TextInput
              label={t('payments.filters.number')}
              placeholder={t('payments.filters.numberPlaceholder')}
              title={t('payments.filters.numberHint')}
              w={210}
              value={numberText}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setNumberText(text);
                if (text.trim() === '') change({ number: '' });
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') change({ number: numberText });
              }}
              rightSection={
                <Tooltip label={t('payments.filters.search')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('payments.filters.search')}
                    onClick={() => change({ number: numberText })}
                  >
                    <IconSearch size={16} />
                  </ActionIcon>
                </Tooltip>
              }
              data-testid="filter-number"
            />
            <Select
              label={t('payments.filters.method')}
              placeholder={t('payments.filters.all')}
              data={PAYMENT_METHODS.map((method) => ({ value: method, label: methodLabel(t, method) }))}
              value={filters.method}
              onChange={(method) => change({ method })}
              clearable
              w={190}
              data-testid="filter-method"
            />
            <Select
              label={t('payments.filters.direction')}
              placeholder={t('payments.filters.all')}
              data={(['in', 'out'] as const).map((value) => ({ value, label: t(`payments.direction.${value}`) }))}
              value={filters.direction}
              onChange={(value) => change({ direction: value === 'in' || value === 'out' ? value : null })}
              clearable
              w={170}
              data-testid="filter-direction"
            />
            <Select
              label={t('payments.filters.status')}
              placeholder={t('payments.filters.all')}
              data={(['recorded', 'voided'] as const).map((value) => ({ value, label: t(`payments.status.${value}`) }))}
              value={filters.status}
              onChange={(value) => change({ status: value === 'recorded' || value === 'voided' ? value : null })}
              clearable
              w={150}
              data-testid="filter-status"
            />
            <ClientPicker
              label={t('payments.filters.client')}
              value={filters.clientId}
              onChange={(clientId) => change({ clientId })}
              clearable
              w={320}
              data-testid="filter-client"
            />
          </Group>
          <Group gap="md" align="flex-start" wrap="wrap">
            <DateField
              key={`from-${resetKey}`}
              label={t('payments.filters.from')}
              onChange={(from) => change({ from })}
              w={130}
              data-testid="filter-from"
            />
            <DateField
              key={`to-${resetKey}`}
              label={t('payments.filters.to')}
              onChange={(to) => change({ to })}
              w={130}
              data-testid="filter-to"
            />
            <Button
              variant="subtle"
              color="gray"
              mt={25}
              ml="auto"
              leftSection={<IconFilterOff size={16} />}
              disabled={!filtered}
              onClick={clear}
            >
              {t('payments.filters.clear')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {list.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="md" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : list.isSuccess && total === 0 && !filtered ? (
        <EmptyPayments />
      ) : (
        <Paper withBorder>
          <PaymentTable
            rows={list.data?.rows ?? []}
            dimmed={list.isPlaceholderData}
            emptyText={t('payments.empty.filtered')}
          />
          <Group justify="space-between" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="xs" c="dimmed" data-testid="payments-total">
              {total > 0
                ? t('payments.range', {
                    from: (page - 1) * PAGE_SIZE + 1,
                    to: Math.min(page * PAGE_SIZE, total),
                    total,
                  })
                : t('payments.count', { count: 0 })}
            </Text>
            <Pagination total={pages} value={page} onChange={setPage} size="sm" disabled={pages <= 1} />
          </Group>
        </Paper>
      )}
    </>
  );
}

function EmptyPayments() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" data-testid="payments-empty">
      <Stack align="center" gap="sm" py="xl" maw={560} mx="auto" ta="center">
        <IconCash size={44} stroke={1.3} color="var(--mantine-color-brand-7)" />
        <Text fw={600} size="lg">
          {t('payments.empty.title')}
        </Text>
        <Text c="dimmed" size="sm">
          {t('payments.empty.body')}
        </Text>
        <NewPaymentButton />
      </Stack>
    </Paper>
  );
}
