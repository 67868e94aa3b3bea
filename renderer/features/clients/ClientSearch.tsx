import {
  Box,
  Button,
  Group,
  Kbd,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { IconId, IconMail, IconMapPin, IconPhone, IconSearch, IconUserPlus } from '@tabler/icons-react';
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ClientHit } from '../../../shared/api';
import { request, useApiQuery } from '../../api';
import { useSession } from '../../app/session';
import { ClientKindIcon, ClientName, ClientStatusBadge } from './ClientBits';

const LIMIT = 12;
const DEBOUNCE_MS = 120;

interface ClientSearchContextValue {
  open: () => void;
}
const ClientSearchContext = createContext<ClientSearchContextValue | null>(null);

export function useClientSearch(): ClientSearchContextValue {
  const value = use(ClientSearchContext);
  if (!value) throw new Error('useClientSearch outside ClientSearchProvider');
  return value;
}

/** The search palette, opened from anywhere with Ctrl+K (⌘K on a Mac) or from the header's search box. */
export function ClientSearchProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const { session } = useSession();
  const locked = session?.locked ?? true;
  const open = useCallback(() => setOpened(true), []);
  // Inside inputs too: the shortcut must work while a form is being filled in.
  useHotkeys(
    [
      [
        'mod+K',
        () => {
          if (!locked) setOpened(true);
        },
      ],
    ],
    [],
  );
  const value = useMemo(() => ({ open }), [open]);
  return (
    <ClientSearchContext value={value}>
      {children}
      <Modal
        opened={opened && !locked}
        onClose={() => setOpened(false)}
        withCloseButton={false}
        centered={false}
        yOffset="9vh"
        size={720}
        padding={0}
        radius="lg"
        overlayProps={{ backgroundOpacity: 0.35, blur: 2 }}
        transitionProps={{ duration: 120 }}
      >
        {opened && !locked && <SearchPalette onClose={() => setOpened(false)} />}
      </Modal>
    </ClientSearchContext>
  );
}

/** The header's search box: a button that looks like a field and opens the palette. */
export function ClientSearchTrigger() {
  const { t } = useTranslation();
  const { open } = useClientSearch();
  return (
    <UnstyledButton
      className="search-trigger"
      onClick={open}
      aria-label={`${t('clients.search.label')} (Ctrl+K)`}
      aria-keyshortcuts="Control+K"
      data-testid="client-search-trigger"
    >
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconSearch size={16} stroke={1.8} />
          <Text size="sm" c="dimmed" truncate="end">
            {t('clients.search.trigger')}
          </Text>
        </Group>
        <Group gap={3} wrap="nowrap">
          <Kbd size="xs">Ctrl</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      </Group>
    </UnstyledButton>
  );
}

function SearchPalette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const search = useApiQuery(
    'clients.search',
    { q: debounced, limit: LIMIT },
    { enabled: debounced !== '', placeholderData: keepPreviousData, staleTime: 10_000 },
  );
  const hits = debounced === '' ? [] : (search.data ?? []);
  const settled = debounced === query.trim() && !search.isFetching;
  // The selection stays within the results, whatever their number when they arrive.
  const active = Math.max(0, Math.min(selected, hits.length - 1));

  useEffect(() => {
    document.getElementById(`client-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const openHit = (hit: ClientHit) => {
    onClose();
    void navigate(`/clients/${hit.id}`);
  };
  // F2 on a result: straight to the payment screen for that client.
  const payHit = (hit: ClientHit) => {
    onClose();
    void navigate(`/payments/new?client=${hit.id}`);
  };
  const createClient = () => {
    onClose();
    void navigate('/clients/new');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((active + step + hits.length) % hits.length);
    } else if (event.key === 'F2') {
      event.preventDefault();
      // F2 here pays the highlighted hit: the page behind (a payment just recorded) must not take it as its own F2.
      event.stopPropagation();
      const hit = hits[active];
      if (hit && settled) payHit(hit);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (settled) {
        if (hit) openHit(hit);
      } else if (query.trim()) {
        // Enter typed faster than the results: ask for what is typed now and open the best match.
        void request('clients.search', { q: query.trim(), limit: 1 })
          .then(([best]) => {
            if (best) openHit(best);
          })
          .catch(() => undefined);
      }
    }
  };

  return (
    <Stack gap={0} data-testid="client-search">
      <TextInput
        data-autofocus
        size="lg"
        variant="unstyled"
        px="md"
        py={6}
        leftSection={<IconSearch size={20} stroke={1.8} />}
        rightSection={search.isFetching ? <Loader size="xs" /> : <Kbd size="xs">{t('clients.search.escape')}</Kbd>}
        rightSectionWidth={64}
        placeholder={t('clients.search.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setSelected(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-label={t('clients.search.label')}
        aria-expanded={hits.length > 0}
        aria-controls="client-search-results"
        aria-autocomplete="list"
        aria-activedescendant={hits.length > 0 ? `client-hit-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid="client-search-input"
      />
      <Box style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        {debounced === '' ? (
          <Stack gap={4} px="lg" py="lg">
            <Text size="sm" fw={600}>
              {t('clients.search.hintTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('clients.search.hint')}
            </Text>
          </Stack>
        ) : hits.length === 0 && search.isSuccess && settled ? (
          <Stack gap="sm" px="lg" py="lg" align="flex-start">
            <Text size="sm" c="dimmed" data-testid="client-search-empty">
              {t('clients.search.empty', { query: debounced })}
            </Text>
            <Button variant="light" size="xs" leftSection={<IconUserPlus size={14} />} onClick={createClient}>
              {t('clients.search.create')}
            </Button>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah="min(62vh, 640px)" type="auto">
            <Box
              role="listbox"
              id="client-search-results"
              aria-label={t('clients.search.results')}
              p={6}
              style={{ opacity: settled ? 1 : 0.75 }}
            >
              {hits.map((hit, index) => (
                <HitRow
                  key={hit.id}
                  hit={hit}
                  index={index}
                  active={index === active}
                  onHover={() => setSelected(index)}
                  onOpen={() => openHit(hit)}
                />
              ))}
            </Box>
          </ScrollArea.Autosize>
        )}
      </Box>
      <Group
        justify="space-between"
        px="md"
        py={8}
        bg="gray.0"
        style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      >
        <Group gap="md">
          <KeyHint keys={['↑', '↓']} label={t('clients.search.navigate')} />
          <KeyHint keys={['↵']} label={t('clients.search.open')} />
          <KeyHint keys={['F2']} label={t('payments.search.pay')} />
          <KeyHint keys={[t('clients.search.escape')]} label={t('clients.search.close')} />
        </Group>
        {hits.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="client-search-count">
            {hits.length >= LIMIT ? t('clients.search.more') : t('clients.search.count', { count: hits.length })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function KeyHint({ keys, label }: { keys: string[]; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((key) => (
        <Kbd key={key} size="xs">
          {key}
        </Kbd>
      ))}
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

function HitRow({
  hit,
  index,
  active,
  onHover,
  onOpen,
}: {
  hit: ClientHit;
  index: number;
  active: boolean;
  onHover: () => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const iceLabel = t('clients.fields.ice');
  const details: { icon: typeof IconPhone; text: string; mono?: boolean; ltr?: boolean }[] = [];
  if (hit.city) details.push({ icon: IconMapPin, text: hit.city });
  if (hit.phone) details.push({ icon: IconPhone, text: hit.phone, ltr: true });
  if (hit.email) details.push({ icon: IconMail, text: hit.email, ltr: true });
  if (hit.ice) details.push({ icon: IconId, text: `${iceLabel} ${hit.ice}`, mono: true, ltr: true });
  return (
    <Box
      id={`client-hit-${index}`}
      role="option"
      aria-selected={active}
      className="search-hit"
      data-active={active || undefined}
      onMouseMove={onHover}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onOpen}
      data-testid="client-hit"
    >
      <Group gap="sm" wrap="nowrap" align="center">
        <ClientKindIcon kind={hit.kind} size={36} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={8} wrap="nowrap">
            <Text fw={600} size="sm" truncate="end">
              <ClientName name={hit.displayName} data-testid="client-hit-name" />
            </Text>
            <Text size="xs" c="dimmed" className="mono" style={{ flexShrink: 0 }}>
              {hit.code}
            </Text>
          </Group>
          {details.length > 0 && (
            <Group gap={12} wrap="nowrap" style={{ overflow: 'hidden' }}>
              {details.map(({ icon: Icon, text, mono, ltr }) => (
                <Group key={text} gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
                  <Icon size={13} stroke={1.7} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
                  <Text
                    size="xs"
                    c="dimmed"
                    truncate="end"
                    className={mono ? 'mono' : undefined}
                    dir={ltr ? 'ltr' : 'auto'}
                  >
                    {text}
                  </Text>
                </Group>
              ))}
            </Group>
          )}
        </Stack>
        <ClientStatusBadge status={hit.status} size="sm" />
      </Group>
    </Box>
  );
}
