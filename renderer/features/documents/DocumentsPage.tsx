import {
  ActionIcon,
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconAlertTriangle, IconFileInvoice, IconFilePlus, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api';
import { DateField } from '../../ui/DateField';
import { PageHeader } from '../../ui/PageHeader';
import { ClientPicker } from '../clients/ClientPicker';
import { DocumentTable } from './DocumentTable';
import { UblDownload } from '../einvoice/UblDownload';
import { useCurrentUser } from '../../app/session';
import { EINVOICE_STATES } from '../../../shared/api/einvoice';
import {
  amountFilter,
  listInput,
  NO_FILTERS,
  STATUSES_BY_TYPE,
  type DocumentFilters,
  type TypeTab,
} from './list-filters';

const PAGE_SIZE = 50;
const TYPE_TABS: TypeTab[] = ['proforma', 'invoice', 'credit_note', 'all'];

/** #/billing: every proforma, invoice and credit note, filtered and paged; a row opens its document. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  // #/billing?client=ID (from a client's Documents tab): every document of that client.
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<DocumentFilters>(() => {
    const clientId = Number(params.get('client'));
    return Number.isSafeInteger(clientId) && clientId > 0
      ? { ...NO_FILTERS, type: 'all', clientId }
      : { ...NO_FILTERS, type: 'proforma' };
  });
  const [page, setPage] = useState(1);
  // Typed text, applied on Enter (the number) or when the field is left (amounts).
  const [numberText, setNumberText] = useState('');
  const [amounts, setAmounts] = useState({ minAmount: '', maxAmount: '' });
  // Bumped by "clear filters" so that the date fields drop what was typed in them.
  const [resetKey, setResetKey] = useState(0);

  const list = useApiQuery('documents.list', listInput(filters, page, PAGE_SIZE), {
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const change = (patch: Partial<DocumentFilters>) => {
    setFilters((previous) => ({ ...previous, ...patch }));
    setPage(1);
  };
  const filtered =
    JSON.stringify({ ...filters, type: 'proforma' }) !== JSON.stringify({ ...NO_FILTERS, type: 'proforma' }) ||
    numberText !== '' ||
    amounts.minAmount !== '' ||
    amounts.maxAmount !== '';
  const clear = () => {
    change({ ...NO_FILTERS, type: filters.type });
    setNumberText('');
    setAmounts({ minAmount: '', maxAmount: '' });
    setResetKey((key) => key + 1);
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const statuses = STATUSES_BY_TYPE[filters.type];

  const amountField = (name: 'minAmount' | 'maxAmount') => (
    <TextInput
      label={t(`documents.filters.${name}`)}
      placeholder="0,00"
      inputMode="decimal"
      w={120}
      rightSection={
        <Text size="xs" c="dimmed">
          DH
        </Text>
      }
      value={amounts[name]}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setAmounts((previous) => ({ ...previous, [name]: text }));
        if (text.trim() === '') change({ [name]: '' });
      }}
      onBlur={() => change({ [name]: amounts[name] })}
      onKeyDown={(event) => {
        if (event.key === 'Enter') change({ [name]: amounts[name] });
      }}
      error={amountFilter(filters[name]) === null ? t('errors.invalidAmount') : undefined}
      data-testid={`filter-${name}`}
    />
  );

  return (
    <>
      <PageHeader
        title={t('documents.title')}
        subtitle={t('documents.subtitle')}
        actions={
          <Group gap="xs">
            {can('manager') && (
              <UblDownload
                input={filters.from && filters.to ? { from: filters.from, to: filters.to } : null}
                label={t('einvoice.export.button')}
                testId="export-ubl"
              />
            )}
            <Button
              component={Link}
              to="/billing/new"
              leftSection={<IconFilePlus size={16} />}
              data-testid="new-proforma"
            >
              {t('documents.newProforma')}
            </Button>
          </Group>
        }
      />
      <Stack gap="sm" mb="md">
        <SegmentedControl
          aria-label={t('documents.filters.type')}
          value={filters.type}
          onChange={(value) => change({ type: value })}
          data={TYPE_TABS.map((tab) => ({ value: tab, label: t(`documents.tabs.${tab}`) }))}
          data-testid="documents-type"
          style={{ alignSelf: 'flex-start' }}
        />
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group gap="md" align="flex-start" wrap="wrap">
              <TextInput
                label={t('documents.filters.number')}
                placeholder={t('documents.filters.numberPlaceholder')}
                title={t('documents.filters.numberHint')}
                w={220}
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
                  <Tooltip label={t('documents.filters.search')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('documents.filters.search')}
                      onClick={() => change({ number: numberText })}
                    >
                      <IconSearch size={16} />
                    </ActionIcon>
                  </Tooltip>
                }
                data-testid="filter-number"
              />
              <Select
                label={t('documents.filters.status')}
                placeholder={t('documents.filters.all')}
                data={statuses.map((s) => ({
                  value: s,
                  label:
                    filters.type === 'credit_note' && s === 'issued'
                      ? t('documents.creditNoteIssued')
                      : t(`documents.status.${s}`),
                }))}
                value={filters.status && statuses.includes(filters.status) ? filters.status : null}
                onChange={(value) => change({ status: value })}
                clearable
                w={200}
                data-testid="filter-status"
              />
              {filters.type !== 'proforma' && (
                <Select
                  label={t('einvoice.filter')}
                  placeholder={t('documents.filters.all')}
                  data={EINVOICE_STATES.map((s) => ({ value: s, label: t(`einvoice.state.${s}`) }))}
                  value={filters.einvoiceState}
                  onChange={(value) => change({ einvoiceState: value })}
                  clearable
                  w={180}
                  data-testid="filter-einvoice"
                />
              )}
              <ClientPicker
                label={t('documents.filters.client')}
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
                label={t('documents.filters.from')}
                onChange={(from) => change({ from })}
                w={130}
                data-testid="filter-from"
              />
              <DateField
                key={`to-${resetKey}`}
                label={t('documents.filters.to')}
                onChange={(to) => change({ to })}
                w={130}
                data-testid="filter-to"
              />
              {amountField('minAmount')}
              {amountField('maxAmount')}
              <Button
                variant="subtle"
                color="gray"
                mt={25}
                ml="auto"
                leftSection={<IconFilterOff size={16} />}
                disabled={!filtered}
                onClick={clear}
              >
                {t('documents.filters.clear')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
      {list.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="md" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : list.isSuccess && total === 0 && !filtered && filters.type === 'proforma' ? (
        <EmptyDocuments />
      ) : (
        <Paper withBorder>
          <DocumentTable
            rows={list.data?.rows ?? []}
            dimmed={list.isPlaceholderData}
            withType={filters.type === 'all'}
            emptyText={t('documents.empty.filtered')}
          />
          <Group justify="space-between" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="xs" c="dimmed" data-testid="documents-total">
              {total > 0
                ? t('documents.range', {
                    from: (page - 1) * PAGE_SIZE + 1,
                    to: Math.min(page * PAGE_SIZE, total),
                    total,
                  })
                : t('documents.count', { count: 0 })}
            </Text>
            <Pagination total={pages} value={page} onChange={setPage} size="sm" disabled={pages <= 1} />
          </Group>
        </Paper>
      )}
    </>
  );
}

function EmptyDocuments() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" data-testid="documents-empty">
      <Stack align="center" gap="sm" py="xl" maw={560} mx="auto" ta="center">
        <IconFileInvoice size={44} stroke={1.3} color="var(--mantine-color-brand-7)" />
        <Text fw={600} size="lg">
          {t('documents.empty.title')}
        </Text>
        <Text c="dimmed" size="sm">
          {t('documents.empty.body')}
        </Text>
        <Button component={Link} to="/billing/new" leftSection={<IconFilePlus size={16} />} mt="sm">
          {t('documents.newProforma')}
        </Button>
      </Stack>
    </Paper>
  );
}
