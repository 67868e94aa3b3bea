import { Alert, Center, Group, Loader, SimpleGrid, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconAlertTriangle,
  IconEraser,
  IconFileExport,
  IconFileImport,
  IconFlag,
  IconPencil,
  IconPlus,
  IconPoint,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { useApiQuery } from '../../api';
import { describeHistory, type HistoryLine } from './history';

const ACTION_ICON: Record<string, { icon: Icon; color: string }> = {
  'clients.create': { icon: IconPlus, color: 'green' },
  'clients.update': { icon: IconPencil, color: 'brand' },
  'clients.setStatus': { icon: IconFlag, color: 'orange' },
  'clients.import': { icon: IconFileImport, color: 'teal' },
  'clients.exportData': { icon: IconFileExport, color: 'gray' },
  'clients.anonymize': { icon: IconEraser, color: 'red' },
};

/** The client's history, newest first: who did what and when, field by field. */
export function ClientHistory({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const regions = new Intl.DisplayNames([i18n.language], { type: 'region' });
  const regionName = (code: string) => regions.of(code) ?? code;
  const history = useApiQuery('clients.history', { id: clientId }, { staleTime: 0 });

  if (history.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  if (history.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {history.error.message}
      </Alert>
    );
  }
  if (history.data.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="lg" ta="center">
        {t('clients.history.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={28} lineWidth={2} data-testid="client-history" py="xs">
      {history.data.map((entry, index) => {
        const item = describeHistory(t, entry, { regionName });
        const { icon: ActionIcon, color } = ACTION_ICON[entry.action] ?? { icon: IconPoint, color: 'gray' };
        return (
          <Timeline.Item
            key={`${entry.at}-${index}`}
            data-testid="history-entry"
            bullet={
              <ThemeIcon size={28} radius="xl" color={color} variant="light">
                <ActionIcon size={15} />
              </ThemeIcon>
            }
            title={
              <Group gap="xs" wrap="wrap" align="baseline">
                <Text fw={600} size="sm">
                  {item.title}
                </Text>
                <Text size="xs" c="dimmed" data-testid="history-meta">
                  {formatDateTime(entry.at)} ·{' '}
                  {t('clients.history.by', { user: entry.username ?? t('clients.history.system') })}
                </Text>
              </Group>
            }
          >
            {item.compact ? (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing={3} mt={6}>
                {item.lines.map((line, lineIndex) => (
                  <HistoryLineView key={lineIndex} line={line} />
                ))}
              </SimpleGrid>
            ) : (
              <Stack gap={3} mt={6}>
                {item.lines.map((line, lineIndex) => (
                  <HistoryLineView key={lineIndex} line={line} />
                ))}
              </Stack>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function HistoryLineView({ line }: { line: HistoryLine }) {
  const { t } = useTranslation();
  if (line.kind === 'text') {
    return (
      <Text size="sm" c="dimmed">
        <span dir="auto">{line.text}</span>
      </Text>
    );
  }
  const label = (
    <Text span c="dimmed" size="sm">
      {t('clients.history.field', { field: line.label })}{' '}
    </Text>
  );
  if (line.kind === 'fact') {
    return (
      <Text size="sm" data-testid="history-line">
        {label}
        <span dir="auto">{line.value}</span>
      </Text>
    );
  }
  const value = (text: string | null, changed: boolean) =>
    text === null ? (
      <Text span c="dimmed" fs="italic" size="sm">
        {t('clients.history.blank')}
      </Text>
    ) : (
      <Text span size="sm" dir="auto" {...(changed ? { fw: 600 } : { c: 'dimmed', td: 'line-through' })}>
        {text}
      </Text>
    );
  return (
    <Text size="sm" data-testid="history-line">
      {label}
      {value(line.before, false)}
      <Text span c="dimmed" size="sm">
        {' → '}
      </Text>
      {value(line.after, true)}
    </Text>
  );
}
