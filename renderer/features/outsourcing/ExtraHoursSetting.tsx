import { Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EXTRA_HOURS_BILLING } from '../../../shared/api/outsourcing';
import { useApiMutation, useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { invalidateOutsourcing } from './TimeEntryForm';

/** Where a monthly contract's extra hours are billed: the next renewal proforma, or one of their own (a manager's call). */
export function ExtraHoursSetting() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const queryClient = useQueryClient();
  const settings = useApiQuery('outsourcing.getSettings', {}, { staleTime: 0 });
  const save = useApiMutation('outsourcing.saveSettings', {
    onSuccess: async () => {
      await invalidateOutsourcing(queryClient);
      notifications.show({ color: 'green', message: t('outsourcing.settings.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  if (!settings.data) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="extra-hours-setting">
      <Stack gap="xs">
        <Title order={5}>{t('outsourcing.settings.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('outsourcing.settings.label')}
        </Text>
        <SegmentedControl
          disabled={!can('manager') || save.isPending}
          value={settings.data.extraHoursBilling}
          onChange={(value) => save.mutate({ extraHoursBilling: value })}
          data={EXTRA_HOURS_BILLING.map((v) => ({ value: v, label: t(`outsourcing.settings.${v}`) }))}
        />
      </Stack>
    </Paper>
  );
}
