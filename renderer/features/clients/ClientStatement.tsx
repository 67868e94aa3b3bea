import { Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDate } from '../../../shared/dates';
import { CURRENCIES, type Currency } from '../../../shared/money';
import { request } from '../../api';
import { DateField } from '../../ui/DateField';
import { PdfButtons } from '../documents/PdfActions';

/** "Relevé de compte": the client's documents, payments and balance for a period, as a PDF to preview, print or save. */
export function ClientStatement({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const today = businessDate(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [currency, setCurrency] = useState<Currency>('MAD');
  return (
    <Stack gap="xs" mb="lg" data-testid="client-statement">
      <Text fw={600}>{t('clients.statement.title')}</Text>
      <Group gap="sm" align="flex-end">
        <DateField
          label={t('clients.statement.from')}
          initialDate={from}
          onChange={setFrom}
          w={130}
          data-testid="statement-from"
        />
        <DateField
          label={t('clients.statement.to')}
          initialDate={to}
          onChange={setTo}
          w={130}
          data-testid="statement-to"
        />
        <Select
          label={t('clients.statement.currency')}
          data={[...CURRENCIES]}
          value={currency}
          onChange={(value) => setCurrency(CURRENCIES.find((c) => c === value) ?? 'MAD')}
          allowDeselect={false}
          w={100}
        />
        <PdfButtons load={() => request('documents.statement', { clientId, from, to, currency })} showCopy={false} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('clients.statement.hint')}
      </Text>
    </Stack>
  );
}
