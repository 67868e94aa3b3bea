import {
  Alert,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmtpSettingsDto, SmtpSettingsInput } from '../../../shared/api';
import { SMTP_SECURITY, type SmtpSecurity } from '../../../shared/api/mail';
import { queryKey, useApiMutation, useApiQuery } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';

interface SmtpForm {
  enabled: boolean;
  host: string;
  port: string;
  security: SmtpSecurity;
  user: string;
  password: string;
  removePassword: boolean;
  fromName: string;
  fromAddress: string;
}

const DEFAULT_PORT: Record<SmtpSecurity, string> = { starttls: '587', tls: '465', none: '25' };

function formOf(s: SmtpSettingsDto): SmtpForm {
  return { ...s, port: String(s.port), password: '', removePassword: false };
}

/** The form as the contract takes it: an empty password keeps the saved one, unless asked to remove it. */
function inputOf(v: SmtpForm): SmtpSettingsInput {
  return {
    enabled: v.enabled,
    host: v.host,
    port: Number(v.port),
    security: v.security,
    user: v.user,
    password: v.removePassword ? '' : v.password === '' ? null : v.password,
    fromName: v.fromName,
    fromAddress: v.fromAddress,
  };
}

/** "E-mails": the SMTP server the outbox sends through, for an administrator, with a test message. */
export function SmtpSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useApiQuery('settings.getSmtp', {});
  const [testOpen, setTestOpen] = useState(false);
  const form = useForm<SmtpForm>({
    mode: 'controlled',
    initialValues: formOf({
      enabled: false,
      host: '',
      port: 587,
      security: 'starttls',
      user: '',
      hasPassword: false,
      fromName: '',
      fromAddress: '',
    }),
    validate: {
      port: (p) => (/^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65535 ? null : t('mail.smtp.invalidPort')),
    },
  });
  const { initialize } = form;
  useEffect(() => {
    if (current.isSuccess) initialize(formOf(current.data));
  }, [current.isSuccess, current.data, initialize]);

  const save = useApiMutation('settings.saveSmtp', {
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKey('settings.getSmtp', {}), saved);
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('mail.') });
      initialize(formOf(saved));
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('mail.smtp.saved') });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  if (current.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  const hasPassword = current.data?.hasPassword === true;
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(inputOf(values)))} data-testid="smtp-form">
      <Stack gap="md">
        <Stack gap={2} maw={760}>
          <Text fw={600} size="sm">
            {t('mail.smtp.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('mail.smtp.intro')}
          </Text>
        </Stack>
        {(current.error ?? (save.error && !save.error.error.fields ? save.error : null)) && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {(current.error ?? save.error)?.message}
          </Alert>
        )}
        <Switch
          label={t('mail.smtp.enabled')}
          description={t('mail.smtp.enabledHint')}
          {...form.getInputProps('enabled', { type: 'checkbox' })}
          data-testid="smtp-enabled"
        />
        <SimpleGrid cols={{ base: 1, md: 3 }} maw={900}>
          <TextInput
            label={t('mail.smtp.host')}
            placeholder={t('mail.smtp.hostPlaceholder')}
            {...form.getInputProps('host')}
            data-testid="smtp-host"
          />
          <Select
            label={t('mail.smtp.security')}
            data={SMTP_SECURITY.map((s) => ({ value: s, label: t(`mail.smtp.securityOption.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('security')}
            onChange={(value) => {
              if (!value) return;
              const security = value as SmtpSecurity;
              // The usual port follows the security, unless one was typed by hand.
              if (form.values.port === DEFAULT_PORT[form.values.security])
                form.setFieldValue('port', DEFAULT_PORT[security]);
              form.setFieldValue('security', security);
            }}
          />
          <TextInput label={t('mail.smtp.port')} inputMode="numeric" w={120} {...form.getInputProps('port')} />
          <TextInput label={t('mail.smtp.user')} autoComplete="off" {...form.getInputProps('user')} />
          <Stack gap={4}>
            <PasswordInput
              label={t('mail.smtp.password')}
              placeholder={hasPassword ? t('mail.smtp.passwordSaved') : t('mail.smtp.passwordNone')}
              autoComplete="new-password"
              disabled={form.values.removePassword}
              {...form.getInputProps('password')}
            />
            {hasPassword && (
              <Checkbox
                size="xs"
                label={t('mail.smtp.removePassword')}
                {...form.getInputProps('removePassword', { type: 'checkbox' })}
              />
            )}
          </Stack>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} maw={900}>
          <TextInput
            label={t('mail.smtp.fromName')}
            placeholder={t('mail.smtp.fromNamePlaceholder')}
            {...form.getInputProps('fromName')}
          />
          <TextInput
            label={t('mail.smtp.fromAddress')}
            placeholder={t('mail.smtp.fromAddressPlaceholder')}
            type="email"
            {...form.getInputProps('fromAddress')}
            data-testid="smtp-from"
          />
        </SimpleGrid>
        <Group justify="space-between" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Button
            variant="default"
            leftSection={<IconSend size={16} />}
            onClick={() => setTestOpen(true)}
            disabled={form.values.host === '' || form.values.fromAddress === ''}
            data-testid="smtp-test"
          >
            {t('mail.smtp.test')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="save-smtp">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
      <TestMessage opened={testOpen} onClose={() => setTestOpen(false)} settings={inputOf(form.values)} />
    </form>
  );
}

function TestMessage({
  opened,
  onClose,
  settings,
}: {
  opened: boolean;
  onClose: () => void;
  settings: SmtpSettingsInput;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const test = useApiMutation('mail.sendTest');
  const close = () => {
    test.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('mail.smtp.testTitle')} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('mail.smtp.testBody')}
        </Text>
        <TextInput
          label={t('mail.smtp.testTo')}
          type="email"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={test.error?.fields.to}
          data-autofocus
          data-testid="smtp-test-to"
        />
        {test.isSuccess && (
          <Alert color="green" icon={<IconCheck size={18} />} data-testid="smtp-test-ok">
            {t('mail.smtp.testOk', { to: test.data.to, response: test.data.response })}
          </Alert>
        )}
        {test.isError && !test.error.fields.to && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="smtp-test-error">
            {test.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('mail.detail.close')}
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            loading={test.isPending}
            onClick={() => test.mutate({ settings, to })}
            data-testid="smtp-test-send"
          >
            {t('mail.smtp.testSend')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
