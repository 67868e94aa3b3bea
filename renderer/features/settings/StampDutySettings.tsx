import { Alert, Button, Center, Group, Loader, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/money';
import { stampDuty } from '../../../shared/stamp-duty';
import { queryKey, useApiMutation, useApiQuery } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { parsePercent, percentInput } from './stamp-duty-form';

/** What the example shows the duty on: 1 000,00 DH received in cash. */
const EXAMPLE_AMOUNT = 100_000;

/** "Droit de timbre": on/off and the rate of the duty on cash (CGI), with its own save, for an administrator. */
export function StampDutySettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useApiQuery('settings.getStampDuty', {});
  const form = useForm({
    mode: 'controlled',
    initialValues: { enabled: true, rate: '0,25', rounding: false },
    validate: { rate: (text) => (parsePercent(text) === null ? t('settings.stampDuty.invalid') : null) },
  });
  const { initialize } = form;
  useEffect(() => {
    if (current.isSuccess) {
      const { enabled, rate, cashRounding } = current.data;
      initialize({ enabled, rate: percentInput(rate), rounding: cashRounding !== 0 });
    }
  }, [current.isSuccess, current.data, initialize]);

  const save = useApiMutation('settings.saveStampDuty', {
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKey('settings.getStampDuty', {}), saved);
      // The payment screen reads the duty in force with the client's open items.
      await queryClient.invalidateQueries({ queryKey: ['payments.openItems'] });
      form.resetDirty();
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('settings.stampDuty.saved') });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  if (current.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  const rate = parsePercent(form.values.rate);
  const duty =
    rate === null ? null : stampDuty(EXAMPLE_AMOUNT, 'cash', { enabled: form.values.enabled, rate, cashRounding: 0 });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ enabled, rate: text, rounding }) =>
        save.mutate({ enabled, rate: parsePercent(text) ?? 0, cashRounding: rounding ? 10 : 0 }),
      )}
      data-testid="stamp-duty-form"
    >
      <Stack gap="md">
        <Stack gap={2} maw={720}>
          <Text fw={600} size="sm">
            {t('settings.stampDuty.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.stampDuty.intro')}
          </Text>
        </Stack>
        {(current.error ?? (save.error && !save.error.error.fields ? save.error : null)) && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {(current.error ?? save.error)?.message}
          </Alert>
        )}
        <Switch
          label={t('settings.stampDuty.enabled')}
          description={t('settings.stampDuty.enabledHint')}
          {...form.getInputProps('enabled', { type: 'checkbox' })}
          data-testid="stamp-duty-enabled"
        />
        <TextInput
          label={t('settings.stampDuty.rate')}
          description={t('settings.stampDuty.rateHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          inputMode="decimal"
          w={280}
          disabled={!form.values.enabled}
          rightSection={
            <Text size="sm" c="dimmed">
              %
            </Text>
          }
          {...form.getInputProps('rate')}
          data-testid="stamp-duty-rate"
        />
        {duty !== null && (
          <Text size="sm" c="dimmed" data-testid="stamp-duty-example">
            {t('settings.stampDuty.example', {
              amount: formatMoney(EXAMPLE_AMOUNT),
              duty: formatMoney(duty),
              total: formatMoney(EXAMPLE_AMOUNT + duty),
            })}
          </Text>
        )}
        <Switch
          label={t('settings.stampDuty.rounding')}
          description={t('settings.stampDuty.roundingHint')}
          {...form.getInputProps('rounding', { type: 'checkbox' })}
          data-testid="cash-rounding"
        />
        <Group justify="flex-end" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Button type="submit" loading={save.isPending} data-testid="save-stamp-duty">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
