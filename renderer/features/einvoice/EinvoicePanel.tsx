import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { STATE_COLOR } from './state';
import { UblDownload } from './UblDownload';

/** The document page's e-invoice card: its state, the platform's answer or the last failure, and its history. */
export function EinvoicePanel({ document }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const status = useApiQuery('einvoice.status', { id: document.id }, { staleTime: 0 });
  const s = status.data;
  return (
    <Card data-testid="document-einvoice" h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="md">
          {t('einvoice.panel.title')}
        </Title>
        {s && (
          <Badge color={STATE_COLOR[s.state]} variant="light" data-testid="einvoice-state">
            {t(`einvoice.state.${s.state}`)}
          </Badge>
        )}
      </Group>
      {s && (
        <Stack gap={6}>
          {s.state === 'not_required' && (
            <Text size="xs" c="dimmed">
              {t('einvoice.panel.notRequired')}
            </Text>
          )}
          {s.reference && (
            <Text size="xs" style={{ wordBreak: 'break-all' }}>
              {t('einvoice.panel.reference', { reference: s.reference })}
            </Text>
          )}
          {s.clearedAt && <Text size="xs">{t('einvoice.panel.clearedAt', { date: formatDateTime(s.clearedAt) })}</Text>}
          {s.reason && (
            <Text size="xs" c="red">
              {t('einvoice.panel.reason', { reason: s.reason })}
            </Text>
          )}
          {s.state === 'pending' && s.lastError && s.nextAttemptAt && (
            <Text size="xs" c="orange.8" data-testid="einvoice-retry">
              {t('einvoice.panel.retry', {
                count: s.attempts,
                error: s.lastError,
                date: formatDateTime(s.nextAttemptAt),
              })}
            </Text>
          )}
          {s.history.length > 0 && (
            <>
              <Text size="xs" fw={600} mt={4}>
                {t('einvoice.panel.history')}
              </Text>
              <List size="xs" spacing={2} data-testid="einvoice-history">
                {s.history.map((h, i) => (
                  <List.Item key={`${h.at}-${i}`}>
                    {formatDateTime(h.at)} — {t(`einvoice.state.${h.state}`)}
                    {h.detail ? ` (${h.detail})` : ''}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {can('manager') && (
            <Group mt={4}>
              <UblDownload
                input={{ ids: [document.id] }}
                label={t('einvoice.panel.download')}
                size="xs"
                testId="einvoice-download"
              />
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
