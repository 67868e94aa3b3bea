import {
  Alert,
  Center,
  Group,
  Input,
  Loader,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconAlertTriangle, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailMessageDto } from '../../../shared/api';
import { MAIL_STATUSES, type MailStatus } from '../../../shared/api/mail';
import { formatDateTime, formatTime } from '../../../shared/dates';
import { MAIL_KINDS, type MailKind } from '../../../shared/mail-templates';
import { useApiQuery } from '../../api';
import { MailStatusBadge } from './MailBits';
import { MessageDetail } from './MessageDetail';

const PAGE_SIZE = 50;

function reference(m: MailMessageDto): string {
  return m.documentNumber ?? m.paymentNumber ?? m.serviceLabel ?? '';
}

/** The outbox's messages, newest first, filtered by state and type; a row opens its message. */
export function MessageList() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MailStatus | 'all'>('all');
  const [kind, setKind] = useState<MailKind | null>(null);
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<number | null>(null);
  const list = useApiQuery(
    'mail.list',
    { page, pageSize: PAGE_SIZE, ...(status === 'all' ? {} : { status }), ...(kind ? { kind } : {}) },
    { placeholderData: keepPreviousData, staleTime: 0, refetchInterval: 30_000 },
  );
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = status !== 'all' || kind !== null;

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Input.Wrapper label={t('mail.filters.status')}>
          <SegmentedControl
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            data={[
              { value: 'all', label: t('mail.filters.all') },
              ...MAIL_STATUSES.filter((s) => s !== 'sending').map((s) => ({ value: s, label: t(`mail.status.${s}`) })),
            ]}
            data-testid="mail-filter-status"
          />
        </Input.Wrapper>
        <Select
          label={t('mail.filters.kind')}
          placeholder={t('mail.filters.allKinds')}
          data={MAIL_KINDS.map((k) => ({ value: k, label: t(`mail.kind.${k}`) }))}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          clearable
          w={260}
          data-testid="mail-filter-kind"
        />
      </Group>
      {list.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : total === 0 && !filtered ? (
        <Paper withBorder p="xl" data-testid="mail-empty">
          <Stack align="center" gap="sm" py="xl" maw={560} mx="auto" ta="center">
            <IconMail size={44} stroke={1.3} color="var(--mantine-color-brand-7)" />
            <Text fw={600} size="lg">
              {t('mail.empty.title')}
            </Text>
            <Text c="dimmed" size="sm">
              {t('mail.empty.body')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table
            highlightOnHover
            verticalSpacing="xs"
            data-testid="mail-table"
            style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mail.columns.createdAt')}</Table.Th>
                <Table.Th>{t('mail.columns.kind')}</Table.Th>
                <Table.Th>{t('mail.columns.client')}</Table.Th>
                <Table.Th>{t('mail.columns.reference')}</Table.Th>
                <Table.Th>{t('mail.columns.to')}</Table.Th>
                <Table.Th>{t('mail.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.rows ?? []).map((m) => (
                <Table.Tr
                  key={m.id}
                  onClick={() => setOpened(m.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') setOpened(m.id);
                  }}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  data-testid="mail-row"
                >
                  <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(m.createdAt)}
                  </Table.Td>
                  <Table.Td fz="sm">{t(`mail.kind.${m.kind}`)}</Table.Td>
                  <Table.Td fz="sm">
                    {m.clientName ?? t('common.none')}
                    {m.clientCode && (
                      <Text span c="dimmed" size="xs" className="mono" ml={6}>
                        {m.clientCode}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm" className="mono">
                    {reference(m)}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {m.to || (
                      <Text span size="xs" c="dimmed" fs="italic">
                        {t('mail.notComposed')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <MailStatusBadge status={m.status} />
                      {m.attempts > 0 && m.status !== 'sent' && (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {t('mail.attempts', { count: m.attempts })}
                          {m.nextAttemptAt && m.lastError
                            ? ` · ${t('mail.nextAttempt', { time: formatTime(m.nextAttemptAt) })}`
                            : ''}
                        </Text>
                      )}
                    </Group>
                    {m.lastError && m.status !== 'sent' && (
                      <Text
                        size="xs"
                        c={m.status === 'skipped' ? 'dimmed' : 'red.8'}
                        lineClamp={1}
                        maw={360}
                        title={m.lastError}
                      >
                        {m.lastError}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {total === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {t('mail.empty.filtered')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="xs" c="dimmed" data-testid="mail-total">
              {total > 0
                ? t('mail.range', { from: (page - 1) * PAGE_SIZE + 1, to: Math.min(page * PAGE_SIZE, total), total })
                : t('mail.count', { count: 0 })}
            </Text>
            <Pagination total={pages} value={page} onChange={setPage} size="sm" disabled={pages <= 1} />
          </Group>
        </Paper>
      )}
      <MessageDetail id={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
