import { Alert, Button, Card, Divider, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { formatMoney, formatRate } from '../../../shared/money';
import { formatCalendarDate, isCalendarDate } from '../../../shared/periods';
import { formatQuantity } from '../../../shared/totals';
import { useApiMutation } from '../../api';
import { RelatedLink } from './DocumentBits';

function PanelCard({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId} h="100%">
      <Title order={3} fz="md" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The lines as printed, then the totals kept on the document (computed once by the shared rule). */
export function LinesPanel({ document }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const { currency, totals } = document;
  return (
    <Card padding={0} data-testid="document-lines">
      <Table.ScrollContainer minWidth={720} type="native">
        <Table verticalSpacing="sm" styles={{ th: { whiteSpace: 'nowrap' } }} highlightOnHover={false}>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{t('documents.page.lines.description')}</Table.Th>
              <Table.Th w={80} ta="right">
                {t('documents.page.lines.quantity')}
              </Table.Th>
              <Table.Th w={130} ta="right">
                {t('documents.page.lines.unitPrice')}
              </Table.Th>
              <Table.Th w={70} ta="right">
                {t('documents.page.lines.vatRate')}
              </Table.Th>
              <Table.Th w={140} ta="right">
                {t('documents.page.lines.amount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {document.lines.map((line) => (
              <Table.Tr key={line.id} data-testid="line-row">
                <Table.Td>
                  <Text size="sm" dir="auto" data-testid="line-description">
                    {line.description}
                  </Text>
                  {line.periodFrom && line.periodTo && (
                    <Text size="xs" c="dimmed" data-testid="line-period">
                      {t('documents.page.lines.period', {
                        from: formatCalendarDate(line.periodFrom),
                        to: formatCalendarDate(line.periodTo),
                      })}
                    </Text>
                  )}
                  {line.creditedQuantity > 0 && (
                    <Text size="xs" c="grape.7">
                      {t('documents.page.lines.credited', { quantity: formatQuantity(line.creditedQuantity) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" className="mono" data-testid="line-quantity">
                  {formatQuantity(line.quantity)}
                </Table.Td>
                <Table.Td ta="right" className="mono">
                  {formatMoney(line.unitPrice, currency)}
                </Table.Td>
                <Table.Td ta="right" className="mono">
                  {formatRate(line.vatRate)}
                </Table.Td>
                <Table.Td ta="right" className="mono" fw={500} data-testid="line-amount">
                  {formatMoney(line.amountHt, currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Stack gap={6} w={340} data-testid="document-totals">
          <Group justify="space-between">
            <Text size="sm">{t('documents.editor.totals.ht')}</Text>
            <Text size="sm" className="mono" data-testid="document-ht">
              {formatMoney(totals.ht, currency)}
            </Text>
          </Group>
          {totals.vat.map((vat) => (
            <Group key={vat.rate} justify="space-between">
              <Text size="sm">
                {t('documents.editor.totals.vat', { rate: formatRate(vat.rate) })}{' '}
                <Text span size="xs" c="dimmed">
                  {t('documents.editor.totals.vatBase', { base: formatMoney(vat.base, currency) })}
                </Text>
              </Text>
              <Text size="sm" className="mono">
                {formatMoney(vat.vat, currency)}
              </Text>
            </Group>
          ))}
          <Divider />
          <Group justify="space-between">
            <Text fw={700}>{t('documents.editor.totals.ttc')}</Text>
            <Text fw={700} fz="lg" className="mono" c="brand.8" data-testid="document-ttc">
              {formatMoney(totals.ttc, currency)}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

const dateText = (date: string) => (isCalendarDate(date) ? formatCalendarDate(date) : formatDateTime(date));
const methodLabel = (t: TFunction, method: string) =>
  t(`documents.paymentMethods.${method}` as 'documents.paymentMethods.cash', { defaultValue: method });

/** What was paid: the amount received on a proforma, the payments printed on an invoice, a credit note's reason. */
export function MoneyPanel({ document }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const { currency } = document;
  if (document.type === 'proforma') {
    if (document.status === 'draft' || document.status === 'cancelled') return null;
    const remaining = Math.max(0, document.totals.ttc - document.paid);
    const ratio = document.totals.ttc > 0 ? (document.paid / document.totals.ttc) * 100 : 0;
    return (
      <PanelCard title={t('documents.page.payment')} testId="document-paid">
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm">{t('documents.page.paid')}</Text>
            <Text size="sm" className="mono" fw={600} data-testid="document-paid-amount">
              {formatMoney(document.paid, currency)}
            </Text>
          </Group>
          <Progress value={ratio} color={remaining === 0 ? 'green' : 'yellow'} size="sm" />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('documents.page.remaining')}
            </Text>
            <Text size="sm" className="mono" fw={600} c={remaining > 0 ? 'orange.8' : 'green.8'}>
              {formatMoney(remaining, currency)}
            </Text>
          </Group>
        </Stack>
      </PanelCard>
    );
  }
  if (document.type === 'invoice') {
    return (
      <PanelCard title={t('documents.page.payments.title')} testId="document-payments">
        {document.payments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('documents.page.payments.none')}
          </Text>
        ) : (
          <Stack gap="xs">
            {document.payments.map((payment, index) => (
              <Group key={`${payment.date}-${index}`} justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0}>
                  <Text size="sm">{methodLabel(t, payment.method)}</Text>
                  <Text size="xs" c="dimmed" className="mono">
                    {dateText(payment.date)} {payment.reference && `· ${payment.reference}`}
                  </Text>
                </Stack>
                <Text size="sm" className="mono" fw={600}>
                  {formatMoney(payment.amount, currency)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </PanelCard>
    );
  }
  return (
    <PanelCard title={t('documents.page.creditReason')} testId="document-credit">
      <Stack gap="xs">
        <Text size="sm" dir="auto">
          {document.reason}
        </Text>
        {document.creditMode && (
          <Text size="sm" c="dimmed">
            {t('documents.page.creditMode', { mode: t(`documents.creditNote.modes.${document.creditMode}`) })}
          </Text>
        )}
      </Stack>
    </PanelCard>
  );
}

/** The proforma an invoice settles, the invoice a credit note cancels; an invoice's credit notes, a proforma's invoice. */
export function RelatedPanel({ document }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const { source, derived } = document;
  if (!source && derived.length === 0) return null;
  return (
    <PanelCard title={t('documents.page.related.title')} testId="document-related">
      <Stack gap="xs">
        {source && (document.type === 'invoice' || document.type === 'credit_note') && (
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t(`documents.page.related.sourceOf.${document.type}`)}
            </Text>
            <RelatedLink related={source} currency={document.currency} />
          </Stack>
        )}
        {derived.length > 0 && (document.type === 'proforma' || document.type === 'invoice') && (
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t(`documents.page.related.derivedOf.${document.type}`)}
            </Text>
            {derived.map((related) => (
              <RelatedLink key={related.id} related={related} currency={document.currency} />
            ))}
          </Stack>
        )}
      </Stack>
    </PanelCard>
  );
}

/** Law 53-05: the original's SHA-256, and a check that the document rendered again still matches it. */
export function IntegrityPanel({ document }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const verify = useApiMutation('documents.verify');
  const draft = document.status === 'draft';
  return (
    <PanelCard title={t('documents.page.integrity.title')} testId="document-integrity">
      <Stack gap="xs">
        {document.pdfSha256 ? (
          <>
            <Text size="xs" c="dimmed">
              {t('documents.page.integrity.sha')}
            </Text>
            <Text size="xs" className="mono" style={{ wordBreak: 'break-all' }} data-testid="document-sha">
              {document.pdfSha256}
            </Text>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            {draft ? t('documents.page.integrity.draft') : t('documents.page.integrity.none')}
          </Text>
        )}
        <Text size="xs" c="dimmed" data-testid="document-prints">
          {document.printCount > 0
            ? t('documents.page.integrity.prints', { count: document.printCount })
            : t('documents.page.integrity.neverPrinted')}
        </Text>
        {document.pdfSha256 && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconShieldCheck size={14} />}
            loading={verify.isPending}
            onClick={() => verify.mutate({ id: document.id })}
            style={{ alignSelf: 'flex-start' }}
            data-testid="document-verify"
          >
            {t('documents.page.integrity.verify')}
          </Button>
        )}
        {verify.data && (
          <Alert
            color={verify.data.matches ? 'green' : 'red'}
            icon={verify.data.matches ? <IconShieldCheck size={18} /> : <IconShieldX size={18} />}
            role="status"
            data-testid="verify-result"
          >
            {verify.data.matches ? t('documents.page.integrity.ok') : t('documents.page.integrity.ko')}
          </Alert>
        )}
        {verify.error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {verify.error.message}
          </Alert>
        )}
      </Stack>
    </PanelCard>
  );
}

export function NotesPanel({ notes }: { notes: string }) {
  const { t } = useTranslation();
  if (!notes) return null;
  return (
    <PanelCard title={t('documents.page.notes')}>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
        {notes}
      </Text>
    </PanelCard>
  );
}
