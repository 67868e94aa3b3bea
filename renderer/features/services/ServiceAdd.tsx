import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDto } from '../../../shared/api';
import { BILLING_CYCLES, CYCLE_MONTHS, DOMAIN_MAX_YEARS, PRODUCT_KINDS, isRecurring } from '../../../shared/catalog';
import type { BillingCycle } from '../../../shared/catalog';
import { businessDate } from '../../../shared/dates';
import { CURRENCIES, formatMoney, type Currency } from '../../../shared/money';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField } from '../../ui/DateField';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidateServices } from './ServiceBits';

interface AddValues {
  productId: string;
  label: string;
  billingCycle: BillingCycle;
  years: string;
  currency: Currency;
  startDate: string;
  paidUntil: string;
  notes: string;
}

/** "Ajouter un service" on the client page: a product from the catalogue, what it is for, and when it starts. */
export function AddServiceModal({
  clientId,
  opened,
  onClose,
}: {
  clientId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('services.add.title')} size="lg">
      {opened && <AddServiceForm clientId={clientId} onDone={onClose} />}
    </Modal>
  );
}

/** The price in force for what is being chosen, as a hint under the product. */
function priceOf(product: ProductDto, cycle: BillingCycle, years: number, currency: Currency): number | null {
  const match = (type: string, months: number) =>
    product.prices.find((p) => p.priceType === type && p.months === months && p.currency === currency);
  if (product.kind === 'domain') {
    const yearly = match('register', 12) ?? match('renew', 12);
    return yearly ? yearly.amount * years : null;
  }
  if (!isRecurring(product.kind)) return (product.prices.find((p) => p.currency === currency) ?? null)?.amount ?? null;
  return match('period', CYCLE_MONTHS[cycle])?.amount ?? null;
}

function AddServiceForm({ clientId, onDone }: { clientId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const catalog = useApiQuery('catalog.list', { includeInactive: false });
  const form = useForm<AddValues>({
    mode: 'controlled',
    initialValues: {
      productId: '',
      label: '',
      billingCycle: 'annual',
      years: '1',
      currency: 'MAD',
      startDate: businessDate(new Date()),
      paidUntil: '',
      notes: '',
    },
  });
  const create = useApiMutation('services.create', {
    onSuccess: async (saved) => {
      await invalidateServices(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t('services.add.done', { label: saved.label }),
      });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  const products = useMemo(() => catalog.data ?? [], [catalog.data]);
  const groups = useMemo(
    () =>
      PRODUCT_KINDS.map((kind) => ({
        group: t(`services.kind.${kind}`),
        items: products
          .filter((p) => p.kind === kind)
          .map((p) => ({ value: String(p.id), label: `${p.name} (${p.code})` })),
      })).filter((g) => g.items.length > 0),
    [products, t],
  );
  const product = products.find((p) => String(p.id) === form.values.productId);
  const kind = product?.kind;
  const recurring = kind ? isRecurring(kind) : true;
  const price = product
    ? priceOf(product, form.values.billingCycle, Number(form.values.years), form.values.currency)
    : null;

  const labelProps =
    kind === 'domain'
      ? {
          label: t('services.add.labelDomain'),
          description: t('services.add.labelDomainHint', { tld: product?.tld ?? '' }),
        }
      : kind === 'hosting'
        ? { label: t('services.add.labelHosting'), description: t('services.add.labelHostingHint') }
        : { label: t('services.add.labelOther'), description: t('services.add.labelOtherHint') };

  function submit(values: AddValues) {
    create.mutate({
      clientId,
      productId: Number(values.productId),
      label: values.label,
      billingCycle: recurring && kind !== 'domain' ? values.billingCycle : '',
      years: Number(values.years),
      currency: values.currency,
      startDate: values.startDate,
      ...(values.paidUntil && recurring ? { paidUntil: values.paidUntil } : {}),
      notes: values.notes,
    });
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)} data-testid="service-form">
      <Stack gap="md">
        {create.error && !create.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {create.error.message}
          </Alert>
        )}
        <Select
          label={t('services.add.product')}
          placeholder={t('services.add.productPlaceholder')}
          data={groups}
          searchable
          required
          data-autofocus
          maxDropdownHeight={320}
          disabled={!catalog.isSuccess}
          description={
            product && price !== null
              ? t('services.add.price', { price: formatMoney(price, form.values.currency) })
              : product
                ? t('services.add.noPrice')
                : undefined
          }
          {...form.getInputProps('productId')}
        />
        <TextInput
          {...labelProps}
          required
          maxLength={253}
          dir="ltr"
          classNames={kind === 'domain' || kind === 'hosting' ? { input: 'mono' } : undefined}
          {...form.getInputProps('label')}
        />
        <SimpleGrid cols={2} spacing="md" style={{ alignItems: 'end' }}>
          {kind === 'domain' ? (
            <Select
              label={t('services.add.years')}
              data={Array.from({ length: DOMAIN_MAX_YEARS }, (_, i) => ({
                value: String(i + 1),
                label: t('services.years', { count: i + 1 }),
              }))}
              allowDeselect={false}
              {...form.getInputProps('years')}
            />
          ) : recurring ? (
            <Select
              label={t('services.add.cycle')}
              data={BILLING_CYCLES.map((c) => ({ value: c, label: t(`services.cycle.${c}`) }))}
              allowDeselect={false}
              required
              {...form.getInputProps('billingCycle')}
            />
          ) : (
            <TextInput label={t('services.add.cycle')} value={t('services.oneOff')} readOnly disabled />
          )}
          <Select
            label={t('services.add.currency')}
            data={[...CURRENCIES]}
            allowDeselect={false}
            {...form.getInputProps('currency')}
          />
          <DateField
            label={t('services.add.startDate')}
            description={t('services.add.startDateHint')}
            required
            initialDate={form.values.startDate}
            onChange={(iso) => form.setFieldValue('startDate', iso)}
            error={form.errors.startDate}
          />
          {recurring && (
            <DateField
              label={t('services.add.paidUntil')}
              description={t('services.add.paidUntilHint')}
              onChange={(iso) => form.setFieldValue('paidUntil', iso)}
              error={form.errors.paidUntil}
            />
          )}
        </SimpleGrid>
        <Textarea
          label={t('services.add.notes')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('notes')}
        />
        {product && !recurring && (
          <Text size="xs" c="dimmed">
            {t('services.due.none')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="service-save">
            {t('services.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
