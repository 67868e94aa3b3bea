import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PaymentDto } from '../../../shared/api';
import { useApiMutation } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidatePayments } from './queries';

/** "Annuler le paiement" (manager): always with a reason; allocations reversed, invoices credited, nothing deleted. */
export function VoidModal({ payment, opened, onClose }: { payment: PaymentDto; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('payments.void.title', { number: payment.number })}>
      {opened && <VoidForm payment={payment} onDone={onClose} />}
    </Modal>
  );
}

function VoidForm({ payment, onDone }: { payment: PaymentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('payments.void.reasonRequired')) },
  });
  const voidPayment = useApiMutation('payments.void', {
    onSuccess: async (voided) => {
      await invalidatePayments(queryClient);
      notifications.show({ color: 'orange', message: t('payments.void.done', { number: voided.number }) });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ reason }) => voidPayment.mutate({ id: payment.id, reason: reason.trim() }))}
      data-testid="void-form"
    >
      <Stack gap="md">
        <Text size="sm">{t('payments.void.body')}</Text>
        {voidPayment.error && !voidPayment.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="void-error">
            {voidPayment.error.message}
          </Alert>
        )}
        <Textarea
          label={t('payments.void.reason')}
          placeholder={t('payments.void.reasonPlaceholder')}
          autosize
          minRows={2}
          maxLength={300}
          required
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('payments.void.keep')}
          </Button>
          <Button
            type="submit"
            color="red"
            leftSection={<IconBan size={16} />}
            loading={voidPayment.isPending}
            data-testid="void-submit"
          >
            {t('payments.void.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
