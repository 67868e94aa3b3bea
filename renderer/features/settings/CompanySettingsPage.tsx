import { Alert, Badge, Button, Center, Group, List, Loader, Paper, Tabs, Text } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconBuilding,
  IconBuildingBank,
  IconCheck,
  IconFileText,
  IconMail,
  IconReceiptTax,
  IconScale,
  IconPrinter,
  IconShieldLock,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKey, useApiMutation, useApiQuery } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { serverFieldErrors } from '../../ui/form-errors';
import {
  API_TO_FORM_FIELD,
  companyFormValues,
  companyInput,
  emptyCompanyForm,
  errorsByTab,
  tabOfField,
  TABS,
  type CompanyFormValues,
  type SettingsTab,
} from './company-form';
import { BankSection, DocumentsSection, IdentitySection, LegalSection } from './CompanySections';
import { PrinterSettings } from './PrinterSettings';
import { SecuritySettings } from './SecuritySettings';
import { SmtpSettings } from './SmtpSettings';
import { StampDutySettings } from './StampDutySettings';

/** Tabs with their own form and save, apart from the company's identity. */
const OWN_FORM_TABS: readonly SettingsTab[] = ['stampDuty', 'email', 'security', 'printers'];

const TAB_ICON = {
  identity: IconBuilding,
  legal: IconScale,
  bank: IconBuildingBank,
  documents: IconFileText,
  stampDuty: IconReceiptTax,
  email: IconMail,
  security: IconShieldLock,
  printers: IconPrinter,
} as const;

export function CompanySettingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const company = useApiQuery('settings.getCompany', {}, { staleTime: Infinity });
  const [tab, setTab] = useState<SettingsTab>('identity');
  const [warnings, setWarnings] = useState<string[]>([]);
  const form = useForm<CompanyFormValues>({ mode: 'controlled', initialValues: emptyCompanyForm() });

  const { initialize } = form;
  useEffect(() => {
    if (company.isSuccess) initialize(companyFormValues(company.data));
  }, [company.isSuccess, company.data, initialize]);

  const save = useApiMutation('settings.saveCompany', {
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey('settings.getCompany', {}), saved.settings);
      form.resetDirty();
      setWarnings(Object.values(saved.warnings));
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('settings.saved') });
    },
    onError: (error) => {
      setWarnings([]);
      showErrors(serverFieldErrors(error, API_TO_FORM_FIELD));
    },
  });

  function showErrors(errors: FormErrors) {
    form.setErrors(errors);
    const first = Object.keys(errors)[0];
    // The first wrong field may sit on another tab: go there, so the message is seen.
    if (first && tabOfField(first) !== tab && !Object.keys(errors).some((path) => tabOfField(path) === tab)) {
      setTab(tabOfField(first));
    }
  }

  function submit(values: CompanyFormValues) {
    const result = companyInput(values);
    if (!result.ok) {
      const errors: FormErrors = {};
      for (const [field, key] of Object.entries(result.errors)) errors[field] = t(`errors.${key}`);
      showErrors(errors);
      return;
    }
    save.mutate(result.input);
  }

  if (company.isPending) {
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  }
  if (company.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.loadFailed')}>
        {company.error.message}
      </Alert>
    );
  }

  const counts = errorsByTab(form.errors);
  const failure = save.isError && !OWN_FORM_TABS.includes(tab) ? save.error : null;

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {warnings.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('settings.warningsTitle')}
          mb="md"
          data-testid="settings-warnings"
          withCloseButton
          onClose={() => setWarnings([])}
        >
          <List size="sm">
            {warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {failure && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('settings.notSaved')} mb="md" role="alert">
          {failure.message}
        </Alert>
      )}
      {/* Tighter tabs: the eight of them hold on one line at 1366 px, so the form below does not move down. */}
      <Tabs
        value={tab}
        onChange={(value) => value && setTab(value as SettingsTab)}
        variant="outline"
        keepMounted
        styles={{ tab: { paddingInline: 'var(--mantine-spacing-xs)' } }}
      >
        <Tabs.List>
          {TABS.map((value) => {
            const Icon = TAB_ICON[value];
            const count = counts[value] ?? 0;
            return (
              <Tabs.Tab
                key={value}
                value={value}
                leftSection={<Icon size={16} stroke={1.6} />}
                rightSection={
                  count > 0 ? (
                    <Badge size="xs" color="red" variant="filled" circle>
                      {count}
                    </Badge>
                  ) : null
                }
              >
                {t(`settings.tabs.${value}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Paper withBorder p="xl" style={{ borderTop: 0, borderTopLeftRadius: 0, borderTopRightRadius: 0 }}>
          <form noValidate onSubmit={form.onSubmit(submit)} hidden={OWN_FORM_TABS.includes(tab)}>
            <Tabs.Panel value="identity">
              <IdentitySection form={form} />
            </Tabs.Panel>
            <Tabs.Panel value="legal">
              <LegalSection form={form} />
            </Tabs.Panel>
            <Tabs.Panel value="bank">
              <BankSection form={form} />
            </Tabs.Panel>
            <Tabs.Panel value="documents">
              <DocumentsSection form={form} />
            </Tabs.Panel>
            <Group
              justify="flex-end"
              gap="md"
              mt="xl"
              pt="md"
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              {form.isDirty() && (
                <Text size="sm" c="dimmed" data-testid="unsaved">
                  {t('common.unsaved')}
                </Text>
              )}
              <Button type="submit" loading={save.isPending} data-testid="save-company">
                {t('common.save')}
              </Button>
            </Group>
          </form>
          <Tabs.Panel value="stampDuty">
            <StampDutySettings />
          </Tabs.Panel>
          <Tabs.Panel value="email">
            <SmtpSettings />
          </Tabs.Panel>
          <Tabs.Panel value="security">
            <SecuritySettings />
          </Tabs.Panel>
          <Tabs.Panel value="printers">
            <PrinterSettings />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </>
  );
}
