import {
  Box,
  Button,
  Divider,
  FileButton,
  Group,
  Image,
  Input,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LEGAL_FORMS, LOGO_MAX_BYTES } from '../../../shared/company';
import { ribParts } from '../../../shared/identifiers';
import { numberExample, type CompanyFormValues } from './company-form';

type Form = UseFormReturnType<CompanyFormValues>;

export function IdentitySection({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2} spacing="lg" verticalSpacing="md">
      <TextInput label={t('settings.identity.name')} required autoFocus {...form.getInputProps('name')} />
      <Select
        label={t('settings.identity.legalForm')}
        required
        data={[...LEGAL_FORMS]}
        allowDeselect={false}
        {...form.getInputProps('legalForm')}
      />
      <Textarea
        label={t('settings.identity.address')}
        required
        autosize
        minRows={2}
        maxRows={4}
        style={{ gridColumn: 'span 2' }}
        {...form.getInputProps('address')}
      />
      <TextInput label={t('settings.identity.city')} required {...form.getInputProps('city')} />
      <TextInput
        label={t('settings.identity.phone')}
        placeholder={t('settings.identity.phonePlaceholder')}
        type="tel"
        {...form.getInputProps('phone')}
      />
      <TextInput label={t('settings.identity.email')} type="email" {...form.getInputProps('email')} />
      <TextInput
        label={t('settings.identity.website')}
        placeholder={t('settings.identity.websitePlaceholder')}
        {...form.getInputProps('website')}
      />
      <Box style={{ gridColumn: 'span 2' }}>
        <LogoField form={form} />
      </Box>
    </SimpleGrid>
  );
}

function LogoField({ form }: { form: Form }) {
  const { t } = useTranslation();
  const logo = form.values.logo;

  function pick(file: File | null) {
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      form.setFieldError('logo', t('errors.logoType'));
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      form.setFieldError('logo', t('errors.logoSize', { size: Math.ceil(file.size / 1024) }));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') form.setFieldValue('logo', reader.result);
    };
    reader.readAsDataURL(file);
  }

  return (
    <Input.Wrapper
      label={t('settings.identity.logo')}
      description={t('settings.identity.logoHint')}
      error={form.errors.logo}
    >
      <Group gap="md" mt={6} align="center">
        <Box
          w={160}
          h={72}
          bd="1px dashed var(--mantine-color-gray-4)"
          bg="gray.0"
          style={{
            borderRadius: 'var(--mantine-radius-sm)',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
          }}
        >
          {logo ? (
            <Image
              src={logo}
              alt={t('settings.identity.logoAlt')}
              mah={64}
              maw={148}
              fit="contain"
              data-testid="logo-preview"
            />
          ) : (
            <Group gap={6} c="dimmed">
              <IconPhoto size={18} />
              <Text size="xs">{t('settings.identity.logoNone')}</Text>
            </Group>
          )}
        </Box>
        <FileButton onChange={pick} accept="image/png,image/jpeg">
          {(props) => (
            <Button variant="default" size="xs" leftSection={<IconUpload size={14} />} {...props}>
              {logo ? t('settings.identity.logoReplace') : t('settings.identity.logoChoose')}
            </Button>
          )}
        </FileButton>
        {logo && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} />}
            onClick={() => form.setFieldValue('logo', null)}
          >
            {t('settings.identity.logoRemove')}
          </Button>
        )}
      </Group>
    </Input.Wrapper>
  );
}

// No maxLength: a pasted "011 780 0000 …" keeps its key; spaces, dots and dashes are taken out before the checks.
const digits = { inputMode: 'numeric' as const, classNames: { input: 'mono' } };

export function LegalSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('settings.legal.intro')}
      </Text>
      <SimpleGrid cols={2} spacing="lg" verticalSpacing="md">
        <TextInput
          label={t('settings.legal.ice')}
          description={t('settings.legal.iceHint')}
          required
          {...digits}
          {...form.getInputProps('ice')}
        />
        <TextInput label={t('settings.legal.ifNumber')} {...digits} {...form.getInputProps('ifNumber')} />
        <TextInput label={t('settings.legal.rcNumber')} {...digits} {...form.getInputProps('rcNumber')} />
        <TextInput
          label={t('settings.legal.rcCourt')}
          placeholder={t('settings.legal.rcCourtPlaceholder')}
          {...form.getInputProps('rcCourt')}
        />
        <TextInput label={t('settings.legal.patente')} {...digits} {...form.getInputProps('patente')} />
        <TextInput
          label={t('settings.legal.cnss')}
          description={t('settings.legal.cnssHint')}
          {...digits}
          {...form.getInputProps('cnss')}
        />
        <TextInput
          label={t('settings.legal.capital')}
          description={t('settings.legal.capitalHint')}
          inputMode="decimal"
          rightSection={
            <Text size="sm" c="dimmed">
              {t('settings.legal.currency')}
            </Text>
          }
          styles={{ input: { textAlign: 'right' } }}
          {...form.getInputProps('capital')}
        />
      </SimpleGrid>
    </Stack>
  );
}

export function BankSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  const rib = form.values.rib.trim();
  const parts = /^\d{24}$/.test(rib) ? ribParts(rib) : null;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('settings.bank.intro')}
      </Text>
      <SimpleGrid cols={2} spacing="lg" verticalSpacing="md">
        <TextInput
          label={t('settings.bank.rib')}
          description={parts ? t('settings.bank.ribParts', { ...parts }) : t('settings.bank.ribHint')}
          {...digits}
          {...form.getInputProps('rib')}
        />
        <TextInput
          label={t('settings.bank.bankName')}
          placeholder={t('settings.bank.bankPlaceholder')}
          {...form.getInputProps('bank')}
        />
        <TextInput label={t('settings.bank.ccpAccount')} {...form.getInputProps('ccpAccount')} />
        <TextInput
          label={t('settings.bank.wafacash')}
          description={t('settings.bank.wafacashHint')}
          {...form.getInputProps('wafacashBeneficiary')}
        />
      </SimpleGrid>
    </Stack>
  );
}

const SERIES = ['proforma', 'invoice', 'creditNote', 'receipt'] as const;

export function DocumentsSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  return (
    <Stack gap="lg">
      <SimpleGrid cols={2} spacing="lg">
        <NumberInput
          maw={320}
          label={t('settings.documents.vatRate')}
          description={t('settings.documents.vatHint')}
          min={0}
          max={100}
          decimalScale={2}
          decimalSeparator=","
          suffix=" %"
          hideControls
          {...form.getInputProps('vatRate')}
        />
      </SimpleGrid>
      <Divider />
      <Stack gap={2}>
        <Text fw={600} size="sm">
          {t('settings.documents.prefixes')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('settings.documents.prefixesHint')}
        </Text>
      </Stack>
      <SimpleGrid cols={4} spacing="lg">
        {SERIES.map((series) => {
          const props = form.getInputProps(`prefixes.${series}`);
          return (
            <TextInput
              key={series}
              label={t(`settings.documents.${series}`)}
              description={t('settings.documents.example', {
                example: numberExample(form.values.prefixes[series], year),
              })}
              maxLength={4}
              {...digits}
              inputMode="text"
              {...props}
              onChange={(event) => form.setFieldValue(`prefixes.${series}`, event.currentTarget.value.toUpperCase())}
            />
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
