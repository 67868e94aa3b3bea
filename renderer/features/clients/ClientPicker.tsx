import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';

const LIMIT = 12;
const DEBOUNCE_MS = 150;

const clientLabel = (client: { displayName: string; code: string }) => `${client.displayName} (${client.code})`;

/**
 * A client chosen by typing, with the same search as the palette (name, phone, e-mail, domain, ICE, code). The chosen
 * client's name is read from the server when only its id is known (a link with ?client=ID, a saved filter).
 */
export function ClientPicker({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  value: number | null;
  onChange: (clientId: number | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const chosen = useApiQuery('clients.get', { id: value ?? 0 }, { enabled: value !== null, staleTime: 60_000 });
  const chosenLabel = value !== null && chosen.data?.id === value ? clientLabel(chosen.data) : null;
  // Once a client is chosen the field shows its label: that is not a new search.
  const query = debounced !== '' && debounced !== chosenLabel ? debounced : '';
  const hits = useApiQuery(
    'clients.search',
    { q: query, limit: LIMIT },
    { enabled: query !== '', placeholderData: keepPreviousData, staleTime: 10_000 },
  );
  const data = (query === '' ? [] : (hits.data ?? [])).map((hit) => ({
    value: String(hit.id),
    label: clientLabel(hit),
  }));
  if (value !== null && chosenLabel && !data.some((item) => item.value === String(value))) {
    data.unshift({ value: String(value), label: chosenLabel });
  }

  return (
    <Select
      placeholder={t('documents.clientPicker.placeholder')}
      leftSection={<IconSearch size={16} stroke={1.7} />}
      rightSection={hits.isFetching ? <Loader size="xs" /> : undefined}
      nothingFoundMessage={
        query === '' ? t('documents.clientPicker.typeMore') : t('documents.clientPicker.nothingFound')
      }
      maxDropdownHeight={320}
      {...props}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(id) => onChange(id === null ? null : Number(id))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already ranked what matches the typed text; the list is shown as it comes.
      filter={({ options }) => options}
      autoComplete="off"
    />
  );
}
