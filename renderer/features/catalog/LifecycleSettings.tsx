import {
  Alert,
  Button,
  Center,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_LIFECYCLE,
  PRODUCT_KINDS,
  isRecurring,
  type LifecycleRules,
  type ProductKind,
} from '../../../shared/catalog';
import { useApiMutation, useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidateCatalog } from './queries';

type Rules = Record<ProductKind, LifecycleRules>;
const FIELDS = ['daysBeforeInvoice', 'daysToSuspend', 'daysToTerminate', 'graceDays'] as const;
const MAX: Record<(typeof FIELDS)[number], number> = {
  daysBeforeInvoice: 120,
  daysToSuspend: 365,
  daysToTerminate: 730,
  graceDays: 90,
};
const RECURRING_KINDS = PRODUCT_KINDS.filter(isRecurring);
const DEFAULT_NOTES = ['domain', 'hosting', 'ssl', 'servers', 'outsourcing', 'oneOff', 'abuse'] as const;

/** Days before invoicing, to suspend and to terminate, per product kind, with the defaults explained. */
export function LifecycleSettings() {
  const lifecycle = useApiQuery('settings.getLifecycle', {}, { staleTime: 0 });
  if (lifecycle.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {lifecycle.error.message}
      </Alert>
    );
  }
  if (!lifecycle.isSuccess) {
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  }
  return <LifecycleForm rules={lifecycle.data} />;
}

function LifecycleForm({ rules }: { rules: Rules }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const queryClient = useQueryClient();
  const form = useForm<Rules>({ mode: 'controlled', initialValues: rules });
  const save = useApiMutation('settings.saveLifecycle', {
    onSuccess: async (saved) => {
      await invalidateCatalog(queryClient);
      form.setInitialValues(saved);
      form.setValues(saved);
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('catalog.lifecycle.saved') });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const readOnly = !can('manager');

  return (
    <Stack gap="md">
      <Paper withBorder p="md" bg="gray.0">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <IconInfoCircle size={20} color="var(--mantine-color-brand-7)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={6}>
            <Text size="sm">{t('catalog.lifecycle.intro')}</Text>
            <Title order={4} fz="sm" mt={4}>
              {t('catalog.lifecycle.defaultsTitle')}
            </Title>
            <List size="sm" spacing={2} data-testid="lifecycle-defaults">
              {DEFAULT_NOTES.map((key) => (
                <List.Item key={key}>{t(`catalog.lifecycle.defaults.${key}`)}</List.Item>
              ))}
            </List>
          </Stack>
        </Group>
      </Paper>
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))} data-testid="lifecycle-form">
        {save.error && !save.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" mb="md">
            {save.error.message}
          </Alert>
        )}
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760} type="native">
            <Table verticalSpacing="xs" horizontalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalog.lifecycle.kind')}</Table.Th>
                  {FIELDS.map((field) => (
                    <Table.Th key={field} w={170}>
                      {t(`catalog.lifecycle.${field}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {RECURRING_KINDS.map((kind) => (
                  <Table.Tr key={kind} data-testid={`lifecycle-${kind}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {t(`services.kind.${kind}`)}
                      </Text>
                    </Table.Td>
                    {FIELDS.map((field) => {
                      // Domains are never suspended nor terminated by us (grace, then lost); others have no grace.
                      const na =
                        kind === 'domain'
                          ? field === 'daysToSuspend' || field === 'daysToTerminate'
                          : field === 'graceDays';
                      return (
                        <Table.Td key={field}>
                          {na ? (
                            <Text size="sm" c="dimmed">
                              {t('common.none')}
                            </Text>
                          ) : (
                            <NumberInput
                              aria-label={`${t(`services.kind.${kind}`)} — ${t(`catalog.lifecycle.${field}`)}`}
                              min={0}
                              max={MAX[field]}
                              allowDecimal={false}
                              allowNegative={false}
                              w={110}
                              readOnly={readOnly}
                              placeholder={String(DEFAULT_LIFECYCLE[kind][field])}
                              {...form.getInputProps(`${kind}.${field}`)}
                              onChange={(value) => form.setFieldValue(`${kind}.${field}`, Number(value) || 0)}
                            />
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Text size="xs" c="dimmed" mt="xs">
          {t('catalog.lifecycle.oneOff')}
        </Text>
        {!readOnly && (
          <Group justify="flex-end" gap="sm" mt="md">
            <Button variant="default" onClick={() => form.setValues(DEFAULT_LIFECYCLE)}>
              {t('catalog.lifecycle.reset')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('catalog.lifecycle.save')}
            </Button>
          </Group>
        )}
      </form>
    </Stack>
  );
}
