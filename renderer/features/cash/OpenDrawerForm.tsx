import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CashSessionDto } from '../../../shared/api';
import { formatMoney, parseMoney } from '../../../shared/money';
import { useApiMutation } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidateCash } from './CashBits';

/** The float counted and the drawer opened: on the cash page, and in a dialog over the payment screen. */
export function OpenDrawerForm({ desk, onOpened }: { desk: string; onOpened?: (session: CashSessionDto) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { float: '' },
    validate: {
      float: (text) => {
        const amount = parseMoney(text);
        return amount === null || amount < 0 ? t('cash.closed.invalid') : null;
      },
    },
  });
  const open = useApiMutation('cash.open', {
    onSuccess: async (session) => {
      await invalidateCash(queryClient);
      notifications.show({
        color: 'green',
        message: t('cash.closed.opened', { desk: session.desk, amount: formatMoney(session.float) }),
      });
      onOpened?.(session);
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <Stack gap="sm">
      {open.error && !open.error.error.fields && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {open.error.message}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          // Inside the payment form's dialog: this submit must not reach the payment form around it.
          event.stopPropagation();
          form.onSubmit(({ float }) => open.mutate({ desk, float: parseMoney(float) ?? 0 }))(event);
        }}
        data-testid="open-form"
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('cash.closed.float')}
            required
            inputMode="decimal"
            placeholder="0,00"
            autoFocus
            // The dialog's focus trap gives the focus to the field marked so (else to its close button).
            data-autofocus
            w={200}
            rightSection={
              <Text size="xs" c="dimmed">
                DH
              </Text>
            }
            {...form.getInputProps('float')}
            data-testid="open-float"
          />
          <Button
            type="submit"
            leftSection={<IconLockOpen size={16} />}
            loading={open.isPending}
            data-testid="open-submit"
          >
            {t('cash.closed.open')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

/** "Ouvrir la caisse" from the payment screen: the drawer opens in a dialog and the typed payment stays as it is. */
export function OpenDrawerModal({ desk, opened, onClose }: { desk: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('cash.closed.dialogTitle', { desk })}
      data-testid="open-drawer-dialog"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('cash.closed.body')}
        </Text>
        <OpenDrawerForm desk={desk} onOpened={onClose} />
      </Stack>
    </Modal>
  );
}
