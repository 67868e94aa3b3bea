import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProductDto } from '../../../shared/api';
import type { PriceType } from '../../../shared/api/catalog';
import { isRecurring } from '../../../shared/catalog';
import { formatDateTime } from '../../../shared/dates';
import { CURRENCIES, formatMoney, parseMoney, type Currency } from '../../../shared/money';
import { useApiMutation, useApiQuery } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { perLabel } from './price-label';
import { invalidateCatalog } from './queries';

/** The price types that make sense for a product, and the durations each is sold by. */
function typesFor(product: ProductDto): PriceType[] {
  if (product.kind === 'domain') return ['register', 'renew', 'transfer', 'late_fee'];
  if (product.kind === 'outsourcing_mission') return ['once', 'hour'];
  if (!isRecurring(product.kind)) return ['once'];
  // A monthly outsourcing contract bills its extra hours at its hourly price.
  if (product.kind === 'outsourcing_monthly') return ['period', 'hour'];
  return ['period'];
}

function monthsFor(type: PriceType): number[] {
  if (type === 'period') return [1, 3, 6, 12];
  if (type === 'register' || type === 'renew' || type === 'transfer') return [12];
  return [0];
}

interface PriceValues {
  priceType: PriceType;
  months: string;
  currency: Currency;
  amount: string;
}

/** "Modifier le prix": a new price from now on, and the product's price history with dates. */
export function PriceModal({ product, onClose }: { product: ProductDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={product !== null}
      onClose={onClose}
      title={product ? t('catalog.price.title', { code: product.code }) : ''}
      size="lg"
    >
      {product && <PriceForm key={product.id} product={product} onDone={onClose} />}
      {product && <PriceHistory productId={product.id} />}
    </Modal>
  );
}

function PriceForm({ product, onDone }: { product: ProductDto; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const types = typesFor(product);
  const first = types[0] ?? 'period';
  const form = useForm<PriceValues>({
    mode: 'controlled',
    initialValues: { priceType: first, months: String(monthsFor(first).at(-1) ?? 0), currency: 'MAD', amount: '' },
    validate: { amount: (value) => (parseMoney(value) === null ? t('catalog.price.amountInvalid') : null) },
  });
  const setPrice = useApiMutation('catalog.setPrice', {
    onSuccess: async (saved) => {
      await invalidateCatalog(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t('catalog.price.done', { code: saved.code }),
      });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const months = Number(form.values.months);
  const current = product.prices.find(
    (p) => p.priceType === form.values.priceType && p.months === months && p.currency === form.values.currency,
  );
  const monthsOptions = monthsFor(form.values.priceType);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        setPrice.mutate({
          productId: product.id,
          priceType: values.priceType,
          months: Number(values.months),
          currency: values.currency,
          amount: parseMoney(values.amount) ?? 0,
        }),
      )}
      data-testid="price-form"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('catalog.price.body')}
        </Text>
        {setPrice.error && !setPrice.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {setPrice.error.message}
          </Alert>
        )}
        <SimpleGrid cols={4} spacing="sm">
          <Select
            label={t('catalog.price.type')}
            data={types.map((type) => ({ value: type, label: t(`catalog.priceType.${type}`) }))}
            allowDeselect={false}
            {...form.getInputProps('priceType')}
            onChange={(value) => {
              const type = (value ?? first) as PriceType;
              form.setValues({ priceType: type, months: String(monthsFor(type).at(-1) ?? 0) });
            }}
          />
          <Select
            label={t('catalog.price.months')}
            data={monthsOptions.map((m) => ({ value: String(m), label: String(m) }))}
            allowDeselect={false}
            disabled={monthsOptions.length < 2}
            {...form.getInputProps('months')}
          />
          <Select
            label={t('catalog.price.currency')}
            data={[...CURRENCIES]}
            allowDeselect={false}
            {...form.getInputProps('currency')}
          />
          <TextInput
            label={t('catalog.price.amount')}
            placeholder={current ? formatMoney(current.amount, current.currency) : '0,00'}
            inputMode="decimal"
            required
            data-autofocus
            {...form.getInputProps('amount')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={setPrice.isPending}>
            {t('catalog.price.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PriceHistory({ productId }: { productId: number }) {
  const { t } = useTranslation();
  const history = useApiQuery('catalog.priceHistory', { productId }, { staleTime: 0 });
  return (
    <Stack gap="xs" mt="lg">
      <Title order={4} fz="sm">
        {t('catalog.price.history')}
      </Title>
      {history.isError && (
        <Alert color="red" role="alert">
          {history.error.message}
        </Alert>
      )}
      {history.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : (history.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('catalog.price.noHistory')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480} mah={260} type="native">
          <Table striped verticalSpacing={4} fz="sm" data-testid="price-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.price.from')}</Table.Th>
                <Table.Th>{t('catalog.price.type')}</Table.Th>
                <Table.Th ta="right">{t('catalog.price.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(history.data ?? []).map((p, index) => (
                <Table.Tr key={`${p.effectiveFrom}-${p.priceType}-${p.months}-${p.currency}-${index}`}>
                  <Table.Td className="mono">{formatDateTime(p.effectiveFrom)}</Table.Td>
                  <Table.Td>{t(`catalog.priceType.${p.priceType}`)}</Table.Td>
                  <Table.Td ta="right" className="mono">
                    {formatMoney(p.amount, p.currency)} {perLabel(p, t)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
