import { Alert, Button, Center, Group, Loader, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKey, useApiMutation, useApiQuery } from '../../api';
import { useSession } from '../../app/session';
import { serverFieldErrors } from '../../ui/form-errors';

/** The workstation lock delay: its own section and its own save, apart from the company's identity. */
export function SecuritySettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { setIdleLockMinutes } = useSession();
  const security = useApiQuery('settings.getSecurity', {});
  const form = useForm<{ idleLockMinutes: number | string }>({
    mode: 'controlled',
    initialValues: { idleLockMinutes: 10 },
  });
  const { initialize } = form;
  useEffect(() => {
    if (security.isSuccess) initialize({ idleLockMinutes: security.data.idleLockMinutes });
  }, [security.isSuccess, security.data, initialize]);

  const save = useApiMutation('settings.saveSecurity', {
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey('settings.getSecurity', {}), saved);
      setIdleLockMinutes(saved.idleLockMinutes);
      form.resetDirty();
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('settings.securitySaved') });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  if (security.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ idleLockMinutes }) =>
        save.mutate({ idleLockMinutes: typeof idleLockMinutes === 'number' ? idleLockMinutes : Number.NaN }),
      )}
    >
      <Stack gap="md">
        <Stack gap={2} maw={640}>
          <Text fw={600} size="sm">
            {t('settings.security.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.security.intro')}
          </Text>
        </Stack>
        {(security.error ?? (save.error && !save.error.error.fields ? save.error : null)) && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {(security.error ?? save.error)?.message}
          </Alert>
        )}
        <NumberInput
          label={t('settings.security.idleLockMinutes')}
          description={t('settings.security.hint')}
          min={1}
          max={240}
          allowDecimal={false}
          allowNegative={false}
          w={240}
          rightSection={
            <Text size="sm" c="dimmed" pr="xs">
              {t('settings.security.minutes')}
            </Text>
          }
          rightSectionWidth={48}
          {...form.getInputProps('idleLockMinutes')}
        />
        <Group justify="flex-end" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Button type="submit" loading={save.isPending} data-testid="save-security">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
