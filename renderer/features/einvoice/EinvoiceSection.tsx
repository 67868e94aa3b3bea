import { Alert, Button, Card, Group, List, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EINVOICE_ADAPTERS, type EinvoiceAdapterName } from '../../../shared/api/einvoice';
import { formatRateValue, parseRate } from '../../../shared/allocation';
import { formatDateTime } from '../../../shared/dates';
import { useApiMutation, useApiQuery } from '../../api';
import { base64ToBytes, downloadBlob } from '../../ui/download';

interface Form {
  adapter: EinvoiceAdapterName;
  folder: string;
  EUR: string;
  USD: string;
}

/** Rapports (managers): how e-invoices are submitted, what waits or fails, and the verifiable archive of a year. */
export function EinvoiceSection({ year }: { year: number }) {
  const settings = useApiQuery('einvoice.settings', {});
  if (!settings.data) return null;
  const rate = (r: number | null) => (r === null ? '' : formatRateValue(r));
  return (
    <EinvoiceCard
      year={year}
      initial={{
        adapter: settings.data.adapter,
        folder: settings.data.folder,
        EUR: rate(settings.data.referenceRates.EUR),
        USD: rate(settings.data.referenceRates.USD),
      }}
    />
  );
}

function EinvoiceCard({ year, initial }: { year: number; initial: Form }) {
  const { t } = useTranslation();
  const queue = useApiQuery('einvoice.queue', {}, { staleTime: 0, refetchInterval: 30_000 });
  const [form, setForm] = useState<Form>(initial);
  const [archiveYear, setArchiveYear] = useState<number | string>(year);
  const save = useApiMutation('einvoice.saveSettings', {
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('einvoice.section.saved') });
      void queue.refetch();
    },
  });
  const flush = useApiMutation('einvoice.flush', { onSuccess: () => void queue.refetch() });
  const archive = useApiMutation('einvoice.archive', {
    onSuccess: (file) => downloadBlob(new Blob([base64ToBytes(file.data)], { type: file.mime }), file.fileName),
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const rateOf = (text: string) => (text.trim() === '' ? null : parseRate(text));
  const badRate = (text: string) =>
    text.trim() !== '' && parseRate(text) === null ? t('einvoice.section.invalidRate') : undefined;
  const submit = () => {
    save.mutate({
      adapter: form.adapter,
      folder: form.folder,
      referenceRates: { EUR: rateOf(form.EUR), USD: rateOf(form.USD) },
    });
  };
  const counts = queue.data?.counts;
  return (
    <Card withBorder mt="md" data-testid="einvoice-section">
      <Title order={2} fz="lg" mb={4}>
        {t('einvoice.section.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('einvoice.section.intro')}
      </Text>
      <Stack gap="sm" maw={720}>
        <Group align="flex-start" wrap="wrap">
          <Select
            label={t('einvoice.section.adapter')}
            data={EINVOICE_ADAPTERS.map((a) => ({ value: a, label: t(`einvoice.section.adapters.${a}`) }))}
            value={form.adapter}
            onChange={(value) => value && setForm({ ...form, adapter: value })}
            allowDeselect={false}
            w={320}
            data-testid="einvoice-adapter"
          />
          {form.adapter === 'folder' && (
            <TextInput
              label={t('einvoice.section.folder')}
              description={t('einvoice.section.folderHint')}
              value={form.folder}
              onChange={(event) => setForm({ ...form, folder: event.currentTarget.value })}
              error={save.error?.fields.folder}
              w={360}
              data-testid="einvoice-folder"
            />
          )}
        </Group>
        <Group align="flex-start">
          {(['EUR', 'USD'] as const).map((currency) => (
            <TextInput
              key={currency}
              label={t('einvoice.section.referenceRate', { currency })}
              description={currency === 'EUR' ? t('einvoice.section.referenceHint') : ' '}
              value={form[currency]}
              onChange={(event) => setForm({ ...form, [currency]: event.currentTarget.value })}
              error={badRate(form[currency])}
              inputMode="decimal"
              w={240}
            />
          ))}
        </Group>
        <Group>
          <Button onClick={submit} loading={save.isPending} data-testid="einvoice-save">
            {t('einvoice.section.save')}
          </Button>
        </Group>
        {save.isError && Object.keys(save.error.fields).length === 0 && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
      </Stack>

      {counts && (
        <Group mt="md" gap="md">
          <Text size="sm" data-testid="einvoice-counts">
            {t('einvoice.section.counts', counts)}
          </Text>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconSend size={14} />}
            loading={flush.isPending}
            onClick={() => flush.mutate({})}
            data-testid="einvoice-flush"
          >
            {t('einvoice.section.flush')}
          </Button>
        </Group>
      )}
      {queue.data && queue.data.failing.length > 0 && (
        <Alert color="orange" mt="sm" title={t('einvoice.section.failing')} data-testid="einvoice-failing">
          <List size="xs">
            {queue.data.failing.map((f) => (
              <List.Item key={f.documentId}>
                {t('einvoice.panel.retry', {
                  count: f.attempts,
                  error: f.lastError,
                  date: formatDateTime(f.nextAttemptAt),
                })}{' '}
                — {f.number}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Title order={3} fz="md" mt="lg" mb={4}>
        {t('einvoice.section.archiveTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('einvoice.section.archiveIntro')}
      </Text>
      <Group align="flex-end">
        <NumberInput
          label={t('einvoice.section.year')}
          value={archiveYear}
          onChange={setArchiveYear}
          min={2000}
          max={2100}
          w={120}
          data-testid="archive-year"
        />
        <Button
          variant="default"
          leftSection={<IconArchive size={16} />}
          loading={archive.isPending}
          disabled={typeof archiveYear !== 'number'}
          onClick={() => typeof archiveYear === 'number' && archive.mutate({ year: archiveYear })}
          data-testid="archive-create"
        >
          {t('einvoice.section.archive')}
        </Button>
      </Group>
    </Card>
  );
}
