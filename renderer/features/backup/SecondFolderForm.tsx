import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidateBackups } from './queries';

/** The second folder (USB drive, network share): checked by the main process when saved. */
export function SecondFolderForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useApiQuery('backup.getSettings', {});
  const form = useForm({ mode: 'controlled', initialValues: { secondFolder: '' } });
  const { initialize } = form;
  useEffect(() => {
    if (settings.isSuccess) initialize(settings.data);
  }, [settings.isSuccess, settings.data, initialize]);
  const save = useApiMutation('backup.saveSettings', {
    onSuccess: async (saved) => {
      form.setInitialValues(saved);
      form.resetDirty(saved);
      await invalidateBackups(queryClient);
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('backup.settings.saved') });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ secondFolder }) => save.mutate({ secondFolder: secondFolder.trim() }))}
      data-testid="second-folder-form"
    >
      <Stack gap="sm">
        <Stack gap={2} maw={720}>
          <Text fw={600} size="sm">
            {t('backup.settings.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('backup.settings.intro')}
          </Text>
        </Stack>
        {save.error && !save.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('backup.settings.label')}
            placeholder={t('backup.settings.placeholder')}
            description={t('backup.settings.hint')}
            classNames={{ input: 'mono' }}
            w={520}
            data-testid="second-folder"
            {...form.getInputProps('secondFolder')}
          />
          <Button type="submit" mt={46} loading={save.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
