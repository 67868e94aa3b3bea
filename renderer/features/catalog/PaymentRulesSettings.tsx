import { Alert, Button, Center, Group, Loader, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRateValue, parseRate } from '../../../shared/allocation';
import type { PaymentRules } from '../../../shared/payment-rules';
import { queryKey, useApiMutation, useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { serverFieldErrors } from '../../ui/form-errors';
import { parsePercent, percentInput } from '../settings/stamp-duty-form';

const FOREIGN = ['EUR', 'USD'] as const;
type Foreign = (typeof FOREIGN)[number];
interface Values {
  cashLimitScope: PaymentRules['cashLimitScope'];
  /** As typed: "10,85" and "10" (%); an empty rate means no reference (a manager signs every allocation). */
  rates: Record<Foreign, { rate: string; band: string }>;
}

const toValues = (rules: PaymentRules): Values => ({
  cashLimitScope: rules.cashLimitScope,
  rates: Object.fromEntries(
    FOREIGN.map((c) => {
      const ref = rules.referenceRates[c];
      return [c, { rate: ref ? formatRateValue(ref.rate) : '', band: percentInput(ref?.band ?? 1000) }];
    }),
  ) as Values['rates'],
});

const toRules = (values: Values): PaymentRules => ({
  cashLimitScope: values.cashLimitScope,
  referenceRates: Object.fromEntries(
    FOREIGN.map((c) => {
      const rate = parseRate(values.rates[c].rate);
      return [c, rate === null ? null : { rate, band: parsePercent(values.rates[c].band) ?? 1000 }];
    }),
  ) as PaymentRules['referenceRates'],
});

/** "Règles d'encaissement" (managers): who the cash limit applies to, and the reference rates with their band. */
export function PaymentRulesSettings() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const queryClient = useQueryClient();
  const current = useApiQuery('settings.getPaymentRules', {});
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: toValues({ cashLimitScope: 'everyone', referenceRates: { EUR: null, USD: null } }),
    validate: {
      rates: Object.fromEntries(
        FOREIGN.map((c) => [
          c,
          {
            rate: (text: string) =>
              text.trim() === '' || parseRate(text) !== null ? null : t('catalog.paymentRules.invalidRate'),
            band: (text: string) => (parsePercent(text) === null ? t('catalog.paymentRules.invalidBand') : null),
          },
        ]),
      ),
    },
  });
  const { initialize } = form;
  useEffect(() => {
    if (current.isSuccess) initialize(toValues(current.data));
  }, [current.isSuccess, current.data, initialize]);
  const save = useApiMutation('settings.savePaymentRules', {
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKey('settings.getPaymentRules', {}), saved);
      // The payment screen reads the rules with the client's open items.
      await queryClient.invalidateQueries({ queryKey: ['payments.openItems'] });
      form.setInitialValues(toValues(saved));
      form.setValues(toValues(saved));
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('catalog.paymentRules.saved') });
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
  const readOnly = !can('manager');
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(toRules(values)))} data-testid="payment-rules">
      <Stack gap="md" maw={760}>
        {(current.error ?? (save.error && !save.error.error.fields ? save.error : null)) && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {(current.error ?? save.error)?.message}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('catalog.paymentRules.cashTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('catalog.paymentRules.cashIntro')}
            </Text>
            <SegmentedControl
              disabled={readOnly}
              data={(['everyone', 'companies'] as const).map((value) => ({
                value,
                label: t(`catalog.paymentRules.scope.${value}`),
              }))}
              {...form.getInputProps('cashLimitScope')}
              style={{ alignSelf: 'flex-start' }}
              data-testid="cash-limit-scope"
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('catalog.paymentRules.ratesTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('catalog.paymentRules.ratesIntro')}
            </Text>
            {FOREIGN.map((currency) => (
              <Group key={currency} align="flex-start" gap="md" data-testid={`reference-${currency}`}>
                <TextInput
                  readOnly={readOnly}
                  w={240}
                  inputMode="decimal"
                  label={t('catalog.paymentRules.rate', { currency })}
                  placeholder={t('catalog.paymentRules.none')}
                  {...form.getInputProps(`rates.${currency}.rate`)}
                  data-testid="reference-rate"
                />
                <TextInput
                  readOnly={readOnly}
                  w={160}
                  inputMode="decimal"
                  label={t('catalog.paymentRules.band')}
                  rightSection={
                    <Text size="sm" c="dimmed">
                      %
                    </Text>
                  }
                  {...form.getInputProps(`rates.${currency}.band`)}
                  data-testid="reference-band"
                />
              </Group>
            ))}
          </Stack>
        </Paper>
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="save-payment-rules">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
