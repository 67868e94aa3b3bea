import {
  ActionIcon,
  Button,
  Card,
  Center,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconBuilding, IconPlus, IconTrash, IconUser } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_KINDS, CLIENT_LEGAL_FORMS, CONSENT_SOURCES, LANGUAGES, type ClientKind } from '../../../shared/client';
import { CURRENCIES } from '../../../shared/money';
import { MAX_CONTACTS, type ClientFormValues } from './client-form';

type ClientForm = UseFormReturnType<ClientFormValues>;

/** Countries offered first; any other ISO code already on a record is kept in the list. */
const COUNTRIES = [
  'MA',
  'FR',
  'ES',
  'BE',
  'NL',
  'DE',
  'IT',
  'CH',
  'GB',
  'PT',
  'CA',
  'US',
  'DZ',
  'TN',
  'MR',
  'SN',
  'CI',
  'ML',
  'EG',
  'AE',
  'SA',
  'QA',
] as const;

export function FormCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <Title order={3} fz="md" mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function KindSwitch({ form }: { form: ClientForm }) {
  const { t } = useTranslation();
  const icon = (kind: ClientKind) => (kind === 'company' ? <IconBuilding size={16} /> : <IconUser size={16} />);
  return (
    <Input.Wrapper label={t('clients.fields.kind')}>
      <SegmentedControl
        fullWidth
        mt={4}
        data-testid="client-kind"
        value={form.values.kind}
        onChange={(kind) => form.setFieldValue('kind', kind)}
        data={CLIENT_KINDS.map((kind) => ({
          value: kind,
          label: (
            <Center style={{ gap: 8 }}>
              {icon(kind)}
              <span>{t(`clients.kind.${kind}`)}</span>
            </Center>
          ),
        }))}
      />
    </Input.Wrapper>
  );
}

export function IdentitySection({ form }: { form: ClientForm }) {
  const { t } = useTranslation();
  const company = form.values.kind === 'company';
  return (
    <FormCard title={t('clients.form.sections.identity')}>
      <Stack gap="md">
        <KindSwitch form={form} />
        {company ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput
                label={t('clients.fields.companyName')}
                placeholder={t('clients.form.companyPlaceholder')}
                dir="auto"
                maxLength={120}
                required
                style={{ gridColumn: 'span 2' }}
                {...form.getInputProps('companyName')}
              />
              <Select
                label={t('clients.fields.legalForm')}
                placeholder={t('clients.form.legalFormPlaceholder')}
                data={[...CLIENT_LEGAL_FORMS]}
                searchable
                required
                {...form.getInputProps('legalForm')}
                value={form.values.legalForm || null}
                onChange={(value: string | null) => form.setFieldValue('legalForm', value ?? '')}
              />
            </SimpleGrid>
            <TextInput
              label={t('clients.fields.contactPerson')}
              placeholder={t('clients.form.contactPlaceholder')}
              dir="auto"
              maxLength={120}
              {...form.getInputProps('contactPerson')}
            />
          </>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('clients.fields.firstName')}
              placeholder={t('clients.form.firstNamePlaceholder')}
              dir="auto"
              maxLength={60}
              required
              {...form.getInputProps('firstName')}
            />
            <TextInput
              label={t('clients.fields.lastName')}
              placeholder={t('clients.form.lastNamePlaceholder')}
              dir="auto"
              maxLength={60}
              required
              {...form.getInputProps('lastName')}
            />
          </SimpleGrid>
        )}
        {!company && (
          <Text size="xs" c="dimmed" mt={-6}>
            {t('clients.form.namesHint')}
          </Text>
        )}
      </Stack>
    </FormCard>
  );
}

/** Phones or e-mails: one input per row, rows added and removed by the person (five at most). */
function ContactRows({ form, list }: { form: ClientForm; list: 'phones' | 'emails' }) {
  const { t } = useTranslation();
  const rows = form.values[list];
  const phone = list === 'phones';
  const itemLabel = phone ? t('clients.fields.phone') : t('clients.fields.email');

  const remove = (index: number) => {
    if (rows.length === 1) form.setFieldValue(`${list}.0`, '');
    else form.removeListItem(list, index);
  };

  return (
    <Stack gap={6}>
      <Input.Label>{phone ? t('clients.fields.phones') : t('clients.fields.emails')}</Input.Label>
      {rows.map((value, index) => (
        <Group key={index} gap={6} align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            aria-label={`${itemLabel} ${index + 1}`}
            placeholder={phone ? t('clients.form.phonePlaceholder') : t('clients.form.emailPlaceholder')}
            inputMode={phone ? 'tel' : 'email'}
            type={phone ? 'tel' : 'email'}
            dir="ltr"
            maxLength={phone ? 30 : 120}
            autoComplete="off"
            data-path={`${list}.${index}`}
            {...form.getInputProps(`${list}.${index}`)}
          />
          <Tooltip label={t(phone ? 'clients.form.removePhone' : 'clients.form.removeEmail', { index: index + 1 })}>
            <ActionIcon
              variant="subtle"
              color="gray"
              size={36}
              aria-label={t(phone ? 'clients.form.removePhone' : 'clients.form.removeEmail', { index: index + 1 })}
              disabled={rows.length === 1 && value === ''}
              onClick={() => remove(index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          disabled={rows.length >= MAX_CONTACTS}
          onClick={() => {
            form.insertListItem(list, '');
            // The new row exists after the next render: type into it at once.
            const path = `${list}.${rows.length}`;
            window.requestAnimationFrame(() =>
              document.querySelector<HTMLInputElement>(`[data-path="${path}"]`)?.focus(),
            );
          }}
        >
          {phone ? t('clients.form.addPhone') : t('clients.form.addEmail')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ContactsSection({ form }: { form: ClientForm }) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => {
    // The names follow the UI language.
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    const codes: string[] = [...COUNTRIES];
    if (form.values.country && !codes.includes(form.values.country)) codes.push(form.values.country);
    return codes.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
  }, [form.values.country, i18n.language]);

  return (
    <FormCard title={t('clients.form.sections.contacts')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <ContactRows form={form} list="phones" />
          <ContactRows form={form} list="emails" />
        </SimpleGrid>
        {form.errors.phones ? (
          <Text size="sm" c="red" role="alert" data-testid="contacts-error">
            {form.errors.phones}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('clients.form.contactsHint')}
          </Text>
        )}
        <TextInput
          label={t('clients.fields.address')}
          placeholder={t('clients.form.addressPlaceholder')}
          dir="auto"
          maxLength={200}
          {...form.getInputProps('address')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('clients.fields.city')} dir="auto" maxLength={80} {...form.getInputProps('city')} />
          <Select
            label={t('clients.fields.country')}
            placeholder={t('clients.form.countryPlaceholder')}
            data={countries}
            searchable
            allowDeselect={false}
            {...form.getInputProps('country')}
          />
        </SimpleGrid>
      </Stack>
    </FormCard>
  );
}

export function IdentifiersSection({ form }: { form: ClientForm }) {
  const { t } = useTranslation();
  if (form.values.kind === 'individual') {
    return (
      <FormCard title={t('clients.form.sections.identifiers')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('clients.fields.cin')}
            description={t('clients.form.cinHint')}
            classNames={{ input: 'mono' }}
            autoComplete="off"
            {...form.getInputProps('cin')}
          />
          <TextInput
            label={t('clients.fields.passport')}
            description={t('clients.form.passportHint')}
            maxLength={20}
            classNames={{ input: 'mono' }}
            autoComplete="off"
            {...form.getInputProps('passport')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          {t('clients.form.identifiersIndividual')}
        </Text>
      </FormCard>
    );
  }
  const iceRequired = form.values.country === 'MA';
  return (
    <FormCard title={t('clients.form.sections.identifiers')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('clients.fields.ice')}
          description={iceRequired ? t('clients.form.iceHint') : t('clients.form.iceOptionalHint')}
          required={iceRequired}
          // Below the field, so that the four identifier fields stay aligned.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          inputMode="numeric"
          classNames={{ input: 'mono' }}
          autoComplete="off"
          {...form.getInputProps('ice')}
        />
        <TextInput
          label={t('clients.fields.ifNumber')}
          inputMode="numeric"
          classNames={{ input: 'mono' }}
          autoComplete="off"
          {...form.getInputProps('ifNumber')}
        />
        <TextInput
          label={t('clients.fields.rcNumber')}
          inputMode="numeric"
          classNames={{ input: 'mono' }}
          autoComplete="off"
          {...form.getInputProps('rcNumber')}
        />
        <TextInput
          label={t('clients.fields.patente')}
          inputMode="numeric"
          classNames={{ input: 'mono' }}
          autoComplete="off"
          {...form.getInputProps('patente')}
        />
      </SimpleGrid>
    </FormCard>
  );
}

export function PreferencesSection({ form }: { form: ClientForm }) {
  const { t } = useTranslation();
  return (
    <FormCard title={t('clients.form.sections.preferences')}>
      <Stack gap="md">
        <Input.Wrapper label={t('clients.fields.language')}>
          <SegmentedControl
            fullWidth
            mt={4}
            value={form.values.language}
            onChange={(value) => form.setFieldValue('language', value)}
            data={LANGUAGES.map((language) => ({ value: language, label: t(`clients.languages.${language}`) }))}
          />
        </Input.Wrapper>
        <Input.Wrapper label={t('clients.fields.currency')}>
          <SegmentedControl
            fullWidth
            mt={4}
            value={form.values.currency}
            onChange={(value) => form.setFieldValue('currency', value)}
            data={CURRENCIES.map((currency) => ({
              value: currency,
              label: <span title={t(`clients.currencies.${currency}`)}>{currency}</span>,
            }))}
          />
        </Input.Wrapper>
        <Select
          label={t('clients.fields.consentSource')}
          description={t('clients.form.consentHint')}
          data={CONSENT_SOURCES.map((source) => ({ value: source, label: t(`clients.sources.${source}`) }))}
          allowDeselect={false}
          {...form.getInputProps('consentSource')}
        />
      </Stack>
    </FormCard>
  );
}

export function NotesSection({ form }: { form: ClientForm }) {
  const { t } = useTranslation();
  return (
    <FormCard title={t('clients.form.sections.notes')}>
      <Stack gap="md">
        <Textarea
          label={t('clients.fields.notes')}
          placeholder={t('clients.form.notesPlaceholder')}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          dir="auto"
          {...form.getInputProps('notes')}
        />
        <TagsInput
          label={t('clients.fields.tags')}
          placeholder={t('clients.form.tagsPlaceholder')}
          maxTags={10}
          clearable
          {...form.getInputProps('tags')}
        />
      </Stack>
    </FormCard>
  );
}
