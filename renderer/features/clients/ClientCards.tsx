import {
  ActionIcon,
  Badge,
  Card,
  CopyButton,
  DataList,
  Group,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconMail, IconMapPin, IconPhone, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDto } from '../../../shared/api';

/** The identity and contact cards of the client page. */

function InfoCard({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card h="100%" data-testid={testId}>
      <Title order={3} fz="md" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Value({ children, mono }: { children: string; mono?: boolean }) {
  const { t } = useTranslation();
  if (!children) {
    return (
      <Text span c="dimmed" size="sm">
        {t('common.none')}
      </Text>
    );
  }
  return (
    <span dir="auto" className={mono ? 'mono' : undefined}>
      {children}
    </span>
  );
}

export function IdentityCard({ client }: { client: ClientDto }) {
  const { t } = useTranslation();
  const company = client.kind === 'company';
  const rows: [string, ReactNode][] = company
    ? [
        [t('clients.fields.companyName'), <Value key="n">{client.companyName}</Value>],
        [t('clients.fields.legalForm'), <Value key="f">{client.legalForm}</Value>],
        [t('clients.fields.contactPerson'), <Value key="c">{client.contactPerson}</Value>],
        [
          t('clients.fields.ice'),
          <Value key="i" mono>
            {client.ice}
          </Value>,
        ],
        [
          t('clients.fields.ifNumber'),
          <Value key="if" mono>
            {client.ifNumber}
          </Value>,
        ],
        [
          t('clients.fields.rcNumber'),
          <Value key="rc" mono>
            {client.rcNumber}
          </Value>,
        ],
        [
          t('clients.fields.patente'),
          <Value key="tp" mono>
            {client.patente}
          </Value>,
        ],
      ]
    : [
        [t('clients.fields.firstName'), <Value key="f">{client.firstName}</Value>],
        [t('clients.fields.lastName'), <Value key="l">{client.lastName}</Value>],
        [
          t('clients.fields.cin'),
          <Value key="c" mono>
            {client.cin}
          </Value>,
        ],
        [
          t('clients.fields.passport'),
          <Value key="p" mono>
            {client.passport}
          </Value>,
        ],
      ];
  rows.push(
    [t('clients.fields.language'), t(`clients.languages.${client.language}`)],
    [t('clients.fields.currency'), t(`clients.currencies.${client.currency}`)],
    [t('clients.fields.consentSource'), t(`clients.sources.${client.consentSource}`)],
  );
  return (
    <InfoCard title={t('clients.page.identity')} testId="client-identity">
      <DataList labelWidth={190} gap={8} size="sm">
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {client.tags.length > 0 && (
        <Group gap={6} mt="md">
          {client.tags.map((tag) => (
            <Badge key={tag} variant="light" color="gray" size="sm">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
    </InfoCard>
  );
}

function ContactLine({
  icon: LineIcon,
  children,
  copy,
  ltr,
}: {
  icon: Icon;
  children: ReactNode;
  copy?: string;
  ltr?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color="gray" size={28} radius="md">
        <LineIcon size={15} />
      </ThemeIcon>
      <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }} pt={4} dir={ltr ? 'ltr' : undefined}>
        {children}
      </Text>
      {copy && (
        <CopyButton value={copy} timeout={1500}>
          {({ copied, copy: doCopy }) => (
            <Tooltip label={copied ? t('clients.page.copied') : t('clients.page.copy')}>
              <ActionIcon
                variant="subtle"
                color={copied ? 'green' : 'gray'}
                onClick={doCopy}
                aria-label={t('clients.page.copy')}
              >
                {copied ? <IconCheck size={15} /> : <IconCopy size={15} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      )}
    </Group>
  );
}

export function ContactsCard({ client }: { client: ClientDto }) {
  const { t, i18n } = useTranslation();
  const country = new Intl.DisplayNames([i18n.language], { type: 'region' }).of(client.country) ?? client.country;
  const place = [client.address, client.city].filter(Boolean).join(', ');
  return (
    <InfoCard title={t('clients.page.contacts')} testId="client-contacts">
      <Stack gap="xs">
        {client.phones.length === 0 ? (
          <ContactLine icon={IconPhone}>
            <Text span c="dimmed" size="sm">
              {t('clients.page.noPhone')}
            </Text>
          </ContactLine>
        ) : (
          client.phones.map((phone) => (
            <ContactLine key={phone.e164} icon={IconPhone} copy={phone.e164} ltr>
              <span className="mono">{phone.display}</span>
              {phone.display.replace(/\s/g, '') !== phone.e164 && (
                <Text span c="dimmed" size="xs" ml={8} className="mono">
                  {phone.e164}
                </Text>
              )}
            </ContactLine>
          ))
        )}
        {client.emails.length === 0 ? (
          <ContactLine icon={IconMail}>
            <Text span c="dimmed" size="sm">
              {t('clients.page.noEmail')}
            </Text>
          </ContactLine>
        ) : (
          client.emails.map((email) => (
            <ContactLine key={email} icon={IconMail} copy={email} ltr>
              {email}
            </ContactLine>
          ))
        )}
        <ContactLine icon={IconMapPin}>
          {place ? (
            <span dir="auto">{place}</span>
          ) : (
            <Text span c="dimmed" size="sm">
              {t('clients.page.noAddress')}
            </Text>
          )}
          <Text span c="dimmed" size="sm">
            {' · '}
            {country}
          </Text>
        </ContactLine>
      </Stack>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="lg" mb={4} style={{ letterSpacing: '0.04em' }}>
        {t('clients.page.notes')}
      </Text>
      <Text size="sm" c={client.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }} dir="auto">
        {client.notes || t('clients.page.noNotes')}
      </Text>
    </InfoCard>
  );
}
