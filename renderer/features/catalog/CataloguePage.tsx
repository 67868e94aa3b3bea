import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarTime,
  IconScale,
  IconCoin,
  IconPackage,
  IconPencil,
  IconPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDto } from '../../../shared/api';
import { PRICE_TYPES } from '../../../shared/api/catalog';
import { PRODUCT_KINDS } from '../../../shared/catalog';
import { CURRENCIES, formatRate } from '../../../shared/money';
import { useApiQuery } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { ExtraHoursSetting } from '../outsourcing/ExtraHoursSetting';
import { LifecycleSettings } from './LifecycleSettings';
import { PaymentRulesSettings } from './PaymentRulesSettings';
import { PriceModal } from './PriceModal';
import { priceLabel } from './price-label';
import { ProductModal } from './ProductModal';

type Dialog = { kind: 'product'; product: ProductDto | null } | { kind: 'price'; product: ProductDto } | null;

/** #/catalog (managers): what the company sells, at which prices, and the due-date rules per kind. */
export function CataloguePage() {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        subtitle={t('catalog.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'product', product: null })}>
            {t('catalog.newProduct')}
          </Button>
        }
      />
      <Tabs defaultValue="products" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="products" leftSection={<IconPackage size={16} />}>
            {t('catalog.tabs.products')}
          </Tabs.Tab>
          <Tabs.Tab value="lifecycle" leftSection={<IconCalendarTime size={16} />}>
            {t('catalog.tabs.lifecycle')}
          </Tabs.Tab>
          <Tabs.Tab value="paymentRules" leftSection={<IconScale size={16} />} data-testid="tab-payment-rules">
            {t('catalog.tabs.paymentRules')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="products">
          <Products onDialog={setDialog} />
        </Tabs.Panel>
        <Tabs.Panel value="lifecycle">
          <Stack gap="md">
            <LifecycleSettings />
            <ExtraHoursSetting />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="paymentRules">
          <PaymentRulesSettings />
        </Tabs.Panel>
      </Tabs>
      <ProductModal
        opened={dialog?.kind === 'product'}
        product={dialog?.kind === 'product' ? dialog.product : null}
        onClose={() => setDialog(null)}
      />
      <PriceModal product={dialog?.kind === 'price' ? dialog.product : null} onClose={() => setDialog(null)} />
    </>
  );
}

function Products({ onDialog }: { onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const catalog = useApiQuery('catalog.list', { includeInactive: true }, { staleTime: 0 });
  if (catalog.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {catalog.error.message}
      </Alert>
    );
  }
  if (!catalog.isSuccess) {
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  }
  return (
    <Stack gap="lg" data-testid="catalogue">
      {PRODUCT_KINDS.map((kind) => {
        const products = catalog.data.filter((p) => p.kind === kind);
        if (products.length === 0) return null;
        return (
          <Stack key={kind} gap="xs">
            <Title order={3} fz="h5">
              {t(`services.kind.${kind}`)}
            </Title>
            <Paper withBorder>
              <Table verticalSpacing="xs" horizontalSpacing="sm" data-testid={`catalogue-${kind}`}>
                <Table.Tbody>
                  {products.map((product) => (
                    <ProductRow key={product.id} product={product} onDialog={onDialog} />
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Stack>
        );
      })}
    </Stack>
  );
}

function ProductRow({ product, onDialog }: { product: ProductDto; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  // Prices grouped by type (période, création, renouvellement…), dirhams first, shortest period first.
  const byType = PRICE_TYPES.map((type) => ({
    type,
    prices: product.prices
      .filter((p) => p.priceType === type)
      .sort((a, b) => CURRENCIES.indexOf(a.currency) - CURRENCIES.indexOf(b.currency) || a.months - b.months),
  })).filter((g) => g.prices.length > 0);
  return (
    <Table.Tr data-testid="product-row" style={{ opacity: product.active ? 1 : 0.6 }}>
      <Table.Td w="34%" style={{ verticalAlign: 'top' }}>
        <Group gap="xs" wrap="nowrap">
          <Badge variant="outline" color="gray" className="mono" style={{ flexShrink: 0 }}>
            {product.code}
          </Badge>
          {!product.active && (
            <Badge color="gray" variant="light">
              {t('catalog.inactive')}
            </Badge>
          )}
        </Group>
        <Text size="sm" fw={500} mt={4}>
          {product.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t('catalog.vat', { rate: formatRate(product.vatRate) })}
          {product.estimatedHours > 0 && ` · ${t('catalog.hours', { count: product.estimatedHours })}`}
          {product.includedHours > 0 && ` · ${t('catalog.includedHours', { count: product.includedHours })}`}
        </Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        {byType.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('catalog.noPrice')}
          </Text>
        ) : (
          <Stack gap={4}>
            {byType.map(({ type, prices }) => (
              <Group key={type} gap={6} wrap="wrap" align="baseline">
                <Text size="xs" c="dimmed" w={150} style={{ flexShrink: 0 }}>
                  {t(`catalog.priceType.${type}`)}
                </Text>
                {prices.map((p) => (
                  <Badge
                    key={`${p.months}-${p.currency}`}
                    variant="light"
                    color={p.currency === 'MAD' ? 'brand' : 'gray'}
                    tt="none"
                    fw={500}
                    data-testid="product-price"
                  >
                    {priceLabel(p, t)}
                  </Badge>
                ))}
              </Group>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td w={96} style={{ verticalAlign: 'top' }}>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label={t('catalog.changePrice')}>
            <ActionIcon
              variant="subtle"
              aria-label={t('catalog.changePrice')}
              onClick={() => onDialog({ kind: 'price', product })}
              data-testid="product-price-button"
            >
              <IconCoin size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('catalog.editProduct')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('catalog.editProduct')}
              onClick={() => onDialog({ kind: 'product', product })}
            >
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
