import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  DataList,
  Divider,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconBan,
  IconCash,
  IconCheck,
  IconCopy,
  IconPencil,
  IconReceiptRefund,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { DocumentDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { useApiMutation, useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { ClientName } from '../clients/ClientBits';
import { EinvoicePanel } from '../einvoice/EinvoicePanel';
import { canCredit } from './credit-note';
import { CreditNoteModal } from './CreditNoteModal';
import { dateOrDash, DocumentNumber, DocumentStatusBadge } from './DocumentBits';
import { CancelModal, IssueModal } from './DocumentDialogs';
import { DocumentNotFound } from './DocumentNotFound';
import { IntegrityPanel, LinesPanel, MoneyPanel, NotesPanel, RelatedPanel } from './DocumentPanels';
import { PdfActions } from './PdfActions';
import { invalidateDocuments } from './queries';

type Dialog = 'issue' | 'cancel' | 'credit' | null;

/** #/billing/:id */
export function DocumentPage() {
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const document = useApiQuery('documents.get', { id }, { enabled: valid, staleTime: 0 });
  if (!valid || document.error?.code === 'NOT_FOUND') return <DocumentNotFound />;
  if (document.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {document.error.message}
      </Alert>
    );
  }
  if (!document.isSuccess) {
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  }
  return <DocumentView key={document.data.id} document={document.data} />;
}

function DocumentView({ document }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/billing" size="sm" c="dimmed" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('documents.page.back')}
        </Group>
      </Anchor>
      <DocumentHeader document={document} onDialog={setDialog} />
      {document.status === 'cancelled' && (
        <Alert color="red" variant="light" icon={<IconBan size={18} />} data-testid="document-cancelled">
          <Text size="sm" fw={600}>
            {t('documents.page.cancelled', { date: document.cancelledAt ? formatDateTime(document.cancelledAt) : '' })}
          </Text>
          {document.cancelReason && (
            <Text size="sm" dir="auto">
              {t('documents.page.cancelReason', { reason: document.cancelReason })}
            </Text>
          )}
        </Alert>
      )}
      <LinesPanel document={document} />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        <MoneyPanel document={document} />
        <RelatedPanel document={document} />
        <NotesPanel notes={document.notes} />
        <IntegrityPanel document={document} />
        {document.type !== 'proforma' && document.number && <EinvoicePanel document={document} />}
      </SimpleGrid>
      <IssueModal document={document} opened={dialog === 'issue'} onClose={close} />
      <CancelModal document={document} opened={dialog === 'cancel'} onClose={close} />
      {document.type === 'invoice' && (
        <CreditNoteModal invoice={document} opened={dialog === 'credit'} onClose={close} />
      )}
    </Stack>
  );
}

function DocumentHeader({ document, onDialog }: { document: DocumentDto; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const who = (name: string | null) => name ?? t('documents.page.system');
  const facts: [string, string, string][] = [
    [
      t('documents.page.issueDate'),
      document.issueDate ? dateOrDash(document.issueDate, none) : t('documents.page.notIssued'),
      'document-issue-date',
    ],
    [t('documents.page.dueDate'), dateOrDash(document.dueDate, none), 'document-due-date'],
    [t('documents.page.currency'), document.currency, 'document-currency'],
  ];
  return (
    <Card padding="lg" data-testid="document-header">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xl">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="sm">
            <Text
              size="sm"
              c="dimmed"
              fw={600}
              tt="uppercase"
              style={{ letterSpacing: '0.04em' }}
              data-testid="document-type"
            >
              {t(`documents.type.${document.type}`)}
            </Text>
            <DocumentStatusBadge type={document.type} status={document.status} size="lg" />
          </Group>
          <Title order={2} fz="h2" lh={1.2}>
            <DocumentNumber number={document.number} size="inherit" />
          </Title>
          <Anchor component={Link} to={`/clients/${document.clientId}`} fw={500} data-testid="document-client">
            <ClientName name={document.clientName} />{' '}
            <Text span size="sm" c="dimmed" className="mono">
              {document.clientCode}
            </Text>
          </Anchor>
          <Text size="xs" c="dimmed">
            {document.issuedAt
              ? t(document.type === 'credit_note' ? 'documents.page.issuedByCreditNote' : 'documents.page.issuedBy', {
                  name: who(document.issuedBy),
                  date: formatDateTime(document.issuedAt),
                })
              : t('documents.page.createdBy', {
                  name: who(document.createdBy),
                  date: formatDateTime(document.createdAt),
                })}
          </Text>
        </Stack>
        <DataList labelWidth={130} gap={6} size="sm" style={{ flexShrink: 0 }}>
          {facts.map(([label, value, testId]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
              <DataList.ItemValue className="mono" data-testid={testId}>
                {value}
              </DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      </Group>
      <Divider my="md" />
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <StatusActions document={document} onDialog={onDialog} />
        </Group>
        <Group gap="sm">
          <PdfActions documentId={document.id} />
        </Group>
      </Group>
    </Card>
  );
}

/** What can be done to the document in its status: a draft is edited, issued or abandoned; an issued proforma with
 * nothing paid is cancelled; any proforma can be copied into a new draft; an invoice gets a credit note (manager). */
function StatusActions({ document, onDialog }: { document: DocumentDto; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const duplicate = useApiMutation('documents.duplicate', {
    onSuccess: async (copy) => {
      await invalidateDocuments(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t('documents.actions.duplicated', { number: document.number ?? t('documents.draftNumber') }),
      });
      void navigate(`/billing/${copy.id}/edit`);
    },
    onError: (error) =>
      notifications.show({ color: 'red', icon: <IconAlertTriangle size={18} />, message: error.message }),
  });

  if (document.type === 'proforma' && document.status === 'draft') {
    return (
      <>
        <Button
          component={Link}
          to={`/billing/${document.id}/edit`}
          leftSection={<IconPencil size={16} />}
          data-testid="document-edit"
        >
          {t('documents.actions.edit')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconSend size={16} />}
          onClick={() => onDialog('issue')}
          data-testid="document-issue"
        >
          {t('documents.actions.issue')}
        </Button>
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} />}
          onClick={() => onDialog('cancel')}
          data-testid="document-abandon"
        >
          {t('documents.actions.abandon')}
        </Button>
      </>
    );
  }
  if (document.type === 'proforma') {
    const open = document.status === 'issued' || document.status === 'partially_paid';
    return (
      <>
        {open && (
          <Button
            component={Link}
            to={`/payments/new?client=${document.clientId}&document=${document.id}`}
            leftSection={<IconCash size={16} />}
            data-testid="document-pay"
          >
            {t('documents.actions.pay')}
          </Button>
        )}
        <Button
          variant="light"
          leftSection={<IconCopy size={16} />}
          loading={duplicate.isPending}
          onClick={() => duplicate.mutate({ id: document.id })}
          data-testid="document-duplicate"
        >
          {t('documents.actions.duplicate')}
        </Button>
        {document.status === 'issued' && document.paid === 0 && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconBan size={16} />}
            onClick={() => onDialog('cancel')}
            data-testid="document-cancel"
          >
            {t('documents.actions.cancel')}
          </Button>
        )}
      </>
    );
  }
  if (canCredit(document)) {
    const manager = can('manager');
    const button = (
      <Button
        variant="light"
        color="grape"
        leftSection={<IconReceiptRefund size={16} />}
        disabled={!manager}
        onClick={() => onDialog('credit')}
        data-testid="document-credit-note"
      >
        {t('documents.actions.creditNote')}
      </Button>
    );
    return manager ? (
      button
    ) : (
      <Tooltip label={t('documents.actions.creditNoteManager')}>
        <span>{button}</span>
      </Tooltip>
    );
  }
  return null;
}
