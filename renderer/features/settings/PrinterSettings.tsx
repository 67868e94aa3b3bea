import { Alert, Button, Center, Group, Loader, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconPrinter } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskPrintSettings, PrintTarget } from '../../../shared/api';
import { queryKey, useApiMutation, useApiQuery } from '../../api';

/** The select's value for "ask every time" (the system's print dialog): null in the settings. */
const ASK = '__ask__';

/**
 * "Imprimantes" of this PC: the receipt printer (80 mm roll or A5) and the document printer (A4), chosen from the
 * printers the system lists, each with a test page; "ask every time" keeps the system's dialog. Desktop app only: in
 * web mode the browser's dialog prints.
 */
export function PrinterSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useApiQuery('printing.settings', {});
  const available = current.data?.available ?? false;
  const printers = useApiQuery('printing.printers', {}, { enabled: available });
  const form = useForm<DeskPrintSettings>({
    mode: 'controlled',
    initialValues: {
      receiptPrinter: null,
      receiptPaper: 'roll80',
      documentPrinter: null,
      printInvoicesWithReceipt: false,
    },
  });
  const { initialize } = form;
  useEffect(() => {
    if (current.isSuccess) initialize(current.data.settings);
  }, [current.isSuccess, current.data, initialize]);

  const save = useApiMutation('printing.saveSettings', {
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey('printing.settings', {}), { available, settings: saved });
      form.resetDirty();
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('printing.saved') });
    },
  });
  const testPage = useApiMutation('printing.testPage', {
    onSuccess: (outcome) =>
      notifications.show({
        color: 'blue',
        icon: <IconPrinter size={18} />,
        message: t('printing.testSent', { printer: outcome.printer ?? t('printing.ask') }),
      }),
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  if (current.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  const options = [
    { value: ASK, label: t('printing.ask') },
    ...(printers.data ?? []).map((p) => ({ value: p.name, label: p.displayName })),
  ];
  const printerSelect = (field: 'receiptPrinter' | 'documentPrinter', target: PrintTarget) => (
    <Group align="flex-end" gap="sm">
      <Select
        label={t(`printing.${field}`)}
        description={t(`printing.${field}Hint`)}
        data={options}
        w={360}
        allowDeselect={false}
        disabled={!available}
        value={form.values[field] ?? ASK}
        onChange={(value) => form.setFieldValue(field, value === ASK || value === null ? null : value)}
        data-testid={`printing-${field}`}
      />
      <Button
        variant="default"
        leftSection={<IconPrinter size={16} />}
        disabled={!available || form.isDirty()}
        loading={testPage.isPending && testPage.variables.target === target}
        onClick={() => testPage.mutate({ target })}
        data-testid={`printing-test-${target}`}
      >
        {t('printing.testPage')}
      </Button>
    </Group>
  );

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))} data-testid="printing-form">
      <Stack gap="md">
        <Stack gap={2} maw={720}>
          <Text fw={600} size="sm">
            {t('printing.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('printing.intro')}
          </Text>
        </Stack>
        {!available && (
          <Alert color="blue" data-testid="printing-web-mode">
            {t('printing.webMode')}
          </Alert>
        )}
        {(current.error ?? printers.error ?? save.error) && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {(current.error ?? printers.error ?? save.error)?.message}
          </Alert>
        )}
        {printerSelect('receiptPrinter', 'receipt')}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('printing.receiptPaper')}
          </Text>
          <SegmentedControl
            w={360}
            data={[
              { value: 'roll80', label: t('printing.paper.roll80') },
              { value: 'a5', label: t('printing.paper.a5') },
            ]}
            {...form.getInputProps('receiptPaper')}
            data-testid="printing-receiptPaper"
          />
        </Stack>
        {printerSelect('documentPrinter', 'document')}
        <Switch
          label={t('printing.printInvoicesWithReceipt')}
          description={t('printing.printInvoicesWithReceiptHint')}
          {...form.getInputProps('printInvoicesWithReceipt', { type: 'checkbox' })}
          data-testid="printing-invoices"
        />
        <Group justify="flex-end" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Button type="submit" loading={save.isPending} data-testid="save-printing">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
