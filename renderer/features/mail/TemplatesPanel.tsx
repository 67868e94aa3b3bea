import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconRotateClockwise } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAIL_LANGUAGES,
  TEMPLATE_KINDS,
  TEMPLATE_VARIABLES,
  type MailLanguage,
  type MailTemplates,
  type TemplateKind,
} from '../../../shared/mail-templates';
import { queryKey, useApiMutation, useApiQuery } from '../../api';

/** The templates of the e-mails, by type and language, for a manager: edited here, saved together. */
export function TemplatesPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const loaded = useApiQuery('mail.getTemplates', {});
  // What the manager has typed so far; until then, the templates as loaded.
  const [edited, setTemplates] = useState<MailTemplates | null>(null);
  const templates = edited ?? loaded.data?.templates ?? null;
  const [kind, setKind] = useState<TemplateKind>('renewal_proforma');
  const [language, setLanguage] = useState<MailLanguage>('fr');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const body = useRef<HTMLTextAreaElement>(null);

  const save = useApiMutation('mail.saveTemplates', {
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey('mail.getTemplates', {}), (old: typeof loaded.data) =>
        old ? { ...old, templates: saved } : old,
      );
      setTemplates(saved);
      setErrors({});
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('mail.templates.saved') });
    },
    onError: (error) => setErrors(error.fields),
  });

  if (loaded.isPending || !templates) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  const current = templates[kind];
  const text = current[language];
  const change = (patch: Partial<typeof text>) =>
    setTemplates({ ...templates, [kind]: { ...current, [language]: { ...text, ...patch } } });
  const insert = (name: string) => {
    const area = body.current;
    const token = `{{${name}}}`;
    const at = area?.selectionStart ?? text.body.length;
    const end = area?.selectionEnd ?? at;
    change({ body: text.body.slice(0, at) + token + text.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  const error = (field: 'subject' | 'body') => errors[`${kind}.${language}.${field}`];
  const otherErrors = Object.entries(errors).filter(([path]) => !path.startsWith(`${kind}.${language}.`));

  return (
    <Stack gap="md" data-testid="mail-templates">
      <Text size="sm" c="dimmed" maw={820}>
        {t('mail.templates.intro')}
      </Text>
      {(save.error && !Object.keys(errors).length) || otherErrors.length > 0 ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {otherErrors.length > 0
            ? otherErrors.map(([path, message]) => `${path} : ${message}`).join(' ; ')
            : save.error?.message}
        </Alert>
      ) : null}
      <Group align="flex-end" gap="lg">
        <Select
          label={t('mail.templates.kind')}
          data={TEMPLATE_KINDS.map((k) => ({ value: k, label: t(`mail.kind.${k}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value)}
          allowDeselect={false}
          w={300}
          data-testid="template-kind"
        />
        <Switch
          label={t('mail.templates.enabled')}
          description={t('mail.templates.enabledHint')}
          checked={current.enabled}
          onChange={(event) =>
            setTemplates({ ...templates, [kind]: { ...current, enabled: event.currentTarget.checked } })
          }
          data-testid="template-enabled"
        />
      </Group>
      <Paper withBorder p="md">
        <Tabs value={language} onChange={(value) => value && setLanguage(value as MailLanguage)}>
          <Tabs.List mb="md">
            {MAIL_LANGUAGES.map((l) => (
              <Tabs.Tab
                key={l}
                value={l}
                rightSection={
                  templates[kind][l].subject ? null : (
                    <Badge size="xs" variant="light" color="gray">
                      FR
                    </Badge>
                  )
                }
              >
                {t(`mail.templates.language.${l}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Stack gap="sm">
          {language !== 'fr' && !text.subject && (
            <Text size="xs" c="dimmed">
              {t('mail.templates.fallback')}
            </Text>
          )}
          <TextInput
            label={t('mail.templates.subject')}
            value={text.subject}
            onChange={(event) => change({ subject: event.currentTarget.value })}
            error={error('subject')}
            dir={language === 'ar' ? 'rtl' : undefined}
            data-testid="template-subject"
          />
          <Textarea
            ref={body}
            label={t('mail.templates.body')}
            value={text.body}
            onChange={(event) => change({ body: event.currentTarget.value })}
            error={error('body')}
            autosize
            minRows={10}
            maxRows={24}
            dir={language === 'ar' ? 'rtl' : undefined}
            styles={{ input: { fontSize: 13, lineHeight: 1.5 } }}
            data-testid="template-body"
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('mail.templates.variables')}
            </Text>
            <Group gap={6}>
              {TEMPLATE_VARIABLES.map((name) => (
                <Tooltip key={name} label={t(`mail.templates.variable.${name}`)}>
                  <Badge
                    component="button"
                    type="button"
                    variant="light"
                    color="gray"
                    tt="none"
                    className="mono"
                    style={{ cursor: 'pointer' }}
                    onClick={() => insert(name)}
                    aria-label={t('mail.templates.insert', { name })}
                  >
                    {`{{${name}}}`}
                  </Badge>
                </Tooltip>
              ))}
            </Group>
          </Stack>
        </Stack>
      </Paper>
      <Group justify="space-between">
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconRotateClockwise size={16} />}
          onClick={() => loaded.data && change(loaded.data.defaults[kind][language])}
        >
          {t('mail.templates.reset')}
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate(templates)} data-testid="save-templates">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
