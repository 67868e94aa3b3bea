import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProductDto } from '../../../shared/api';
import { PRODUCT_KINDS, type ProductKind } from '../../../shared/catalog';
import { useApiMutation } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidateCatalog } from './queries';

interface ProductValues {
  code: string;
  kind: ProductKind;
  name: string;
  description: string;
  tld: string;
  /** Percent as typed; basis points on the wire. */
  vatPercent: number | string;
  estimatedHours: number | string;
  includedHours: number | string;
  active: boolean;
}

/** Create a product, or edit one (its prices have their own dialog). */
export function ProductModal({
  opened,
  product,
  onClose,
}: {
  opened: boolean;
  product: ProductDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={product ? t('catalog.product.titleEdit', { code: product.code }) : t('catalog.product.titleNew')}
      size="lg"
    >
      {opened && <ProductForm product={product} onDone={onClose} />}
    </Modal>
  );
}

function ProductForm({ product, onDone }: { product: ProductDto | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<ProductValues>({
    mode: 'controlled',
    initialValues: {
      code: product?.code ?? '',
      kind: product?.kind ?? 'hosting',
      name: product?.name ?? '',
      description: product?.description ?? '',
      tld: product?.tld ?? '',
      vatPercent: (product?.vatRate ?? 2000) / 100,
      estimatedHours: product?.estimatedHours ?? 0,
      includedHours: product?.includedHours ?? 2,
      active: product?.active ?? true,
    },
  });
  const onSuccess = async (saved: ProductDto) => {
    await invalidateCatalog(queryClient);
    notifications.show({
      color: 'green',
      icon: <IconCheck size={18} />,
      message: t(product ? 'catalog.product.saved' : 'catalog.product.created', { code: saved.code }),
    });
    onDone();
  };
  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error, { vatRate: 'vatPercent' }));
  const create = useApiMutation('catalog.create', { onSuccess, onError });
  const update = useApiMutation('catalog.update', { onSuccess, onError });
  const error = create.error ?? update.error;

  function submit(values: ProductValues) {
    const input = {
      code: values.code,
      kind: values.kind,
      name: values.name,
      description: values.description,
      tld: values.kind === 'domain' ? values.tld : '',
      vatRate: Math.round(Number(values.vatPercent) * 100),
      estimatedHours: Number(values.estimatedHours) || 0,
      includedHours: values.kind === 'outsourcing_monthly' ? Number(values.includedHours) || 0 : 0,
      active: values.active,
    };
    if (product) update.mutate({ id: product.id, product: input });
    else create.mutate(input);
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)} data-testid="product-form">
      <Stack gap="md">
        {error && !error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {error.message}
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label={t('catalog.product.code')}
            description={t('catalog.product.codeHint')}
            className="mono"
            required
            maxLength={30}
            data-autofocus
            {...form.getInputProps('code')}
          />
          <Select
            label={t('catalog.product.kind')}
            data={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`services.kind.${k}`) }))}
            allowDeselect={false}
            required
            {...form.getInputProps('kind')}
          />
        </SimpleGrid>
        <TextInput label={t('catalog.product.name')} required maxLength={120} {...form.getInputProps('name')} />
        <Textarea
          label={t('catalog.product.description')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={3} spacing="md">
          {form.values.kind === 'domain' && (
            <TextInput
              label={t('catalog.product.tld')}
              description={t('catalog.product.tldHint')}
              required
              maxLength={30}
              {...form.getInputProps('tld')}
            />
          )}
          <NumberInput
            label={t('catalog.product.vatRate')}
            min={0}
            max={100}
            decimalScale={2}
            decimalSeparator=","
            {...form.getInputProps('vatPercent')}
          />
          {form.values.kind === 'outsourcing_mission' && (
            <NumberInput
              label={t('catalog.product.estimatedHours')}
              min={0}
              max={1000}
              allowDecimal={false}
              {...form.getInputProps('estimatedHours')}
            />
          )}
          {form.values.kind === 'outsourcing_monthly' && (
            <NumberInput
              label={t('catalog.product.includedHours')}
              min={0}
              max={744}
              allowDecimal={false}
              {...form.getInputProps('includedHours')}
            />
          )}
        </SimpleGrid>
        <Switch label={t('catalog.product.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {product ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
