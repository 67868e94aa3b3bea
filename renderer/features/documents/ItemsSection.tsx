import { ActionIcon, Button, Group, NativeSelect, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDto } from '../../../shared/api';
import { PRODUCT_KINDS } from '../../../shared/catalog';
import { formatMoney, formatRate, type Currency } from '../../../shared/money';
import { blankItem, itemFromProduct, VAT_RATES } from './proforma-form';
import { SectionCard, type lineAmounts, type ProformaForm } from './ProformaSections';

type ItemField = 'description' | 'quantity' | 'unitPrice' | 'vatRate';

/** The unit shown inside a price field (formatMoney's suffixes). */
const CURRENCY_UNIT: Record<Currency, string> = { MAD: 'DH', EUR: '€', USD: '$' };

/** "Lignes libres": catalogue products or plain text, typed quantity, price and VAT rate. */
export function ItemsSection({
  form,
  products,
  amounts,
}: {
  form: ProformaForm;
  products: ProductDto[];
  amounts: ReturnType<typeof lineAmounts>;
}) {
  const { t } = useTranslation();
  const { values } = form;
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
  const rates = [...new Set<number>([...VAT_RATES, ...values.items.map((item) => Number(item.vatRate))])].sort(
    (a, b) => b - a,
  );
  const add = (productId: string | null) => {
    const product = products.find((p) => String(p.id) === productId);
    if (product) form.insertListItem('items', itemFromProduct(product, values.currency));
  };
  const codeOf = (productId: number | null) => products.find((p) => p.id === productId)?.code;

  return (
    <SectionCard
      title={t('documents.editor.items.title')}
      hint={t('documents.editor.items.hint')}
      testId="items-section"
    >
      {values.items.length > 0 && (
        <Table.ScrollContainer minWidth={820} type="native">
          <Table
            data-testid="item-lines"
            verticalSpacing={6}
            styles={{ th: { whiteSpace: 'nowrap' } }}
            highlightOnHover={false}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.editor.items.description')}</Table.Th>
                <Table.Th w={100}>{t('documents.editor.items.quantity')}</Table.Th>
                <Table.Th w={140}>{t('documents.editor.items.unitPrice')}</Table.Th>
                <Table.Th w={110}>{t('documents.editor.items.vatRate')}</Table.Th>
                <Table.Th w={130} ta="right">
                  {t('documents.editor.items.amount')}
                </Table.Th>
                <Table.Th w={44} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.items.map((item, row) => {
                const label = (field: ItemField) =>
                  t('documents.editor.items.rowLabel', { row: row + 1, field: t(`documents.editor.items.${field}`) });
                const amount = amounts.byRow.get(row);
                const code = codeOf(item.productId);
                // A line's messages are listed under it, full width; its fields turn red and point to them.
                const messages = Object.entries(form.errors)
                  .filter(([path]) => path === `items.${row}` || path.startsWith(`items.${row}.`))
                  .map(([, message]) => message);
                const errorsId = `item-errors-${item.key}`;
                const input = (field: ItemField) => {
                  const path = `items.${row}.${field}`;
                  const invalid = Boolean(form.errors[path]);
                  return {
                    ...form.getInputProps(path),
                    'aria-label': label(field),
                    error: invalid,
                    'aria-describedby': invalid ? errorsId : undefined,
                  };
                };
                return (
                  <Fragment key={item.key}>
                    <Table.Tr
                      data-testid="item-row"
                      style={{ verticalAlign: 'top', borderBottom: messages.length > 0 ? 'none' : undefined }}
                    >
                      <Table.Td>
                        <TextInput
                          maxLength={300}
                          dir="auto"
                          description={code ? t('documents.editor.items.fromCatalogue', { code }) : undefined}
                          inputWrapperOrder={['input', 'description']}
                          data-testid="item-description"
                          {...input('description')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          inputMode="decimal"
                          styles={{ input: { textAlign: 'right' } }}
                          data-testid="item-quantity"
                          {...input('quantity')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          inputMode="decimal"
                          placeholder="0,00"
                          styles={{ input: { textAlign: 'right' } }}
                          rightSection={
                            <Text size="xs" c="dimmed">
                              {CURRENCY_UNIT[values.currency]}
                            </Text>
                          }
                          data-testid="item-price"
                          {...input('unitPrice')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          data={rates.map((rate) => ({ value: String(rate), label: formatRate(rate) }))}
                          data-testid="item-vat"
                          {...input('vatRate')}
                        />
                      </Table.Td>
                      <Table.Td ta="right" className="mono" fw={600} pt={14} data-testid="item-amount">
                        {amount === undefined ? t('common.none') : formatMoney(amount, values.currency)}
                      </Table.Td>
                      <Table.Td pt={10}>
                        <Tooltip label={t('documents.editor.items.remove')}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`${t('documents.editor.items.remove')} ${row + 1}`}
                            onClick={() => form.removeListItem('items', row)}
                            data-testid="item-remove"
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                    {messages.length > 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={6} pt={0}>
                          <Stack gap={2} id={errorsId} role="alert" data-testid="item-errors">
                            {messages.map((message, index) => (
                              <Text key={index} size="xs" c="red.7">
                                {message}
                              </Text>
                            ))}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {values.items.length === 0 && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('documents.editor.items.empty')}
        </Text>
      )}
      <Group gap="sm" mt="sm" align="flex-end">
        <Select
          placeholder={t('documents.editor.items.addProduct')}
          aria-label={t('documents.editor.items.addProduct')}
          data={groups}
          value={null}
          onChange={add}
          searchable
          w={380}
          maxDropdownHeight={320}
          leftSection={<IconPlus size={16} />}
          data-testid="item-add-product"
        />
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem('items', blankItem())}
          data-testid="item-add-text"
        >
          {t('documents.editor.items.addText')}
        </Button>
      </Group>
    </SectionCard>
  );
}
