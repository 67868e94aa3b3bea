import { Alert, Button, Center, Grid, Group, Loader, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { DocumentDto } from '../../../shared/api';
import { CURRENCIES, formatMoney } from '../../../shared/money';
import { ApiFailure, request, useApiQuery } from '../../api';
import { DateField } from '../../ui/DateField';
import { PageHeader } from '../../ui/PageHeader';
import { ClientPicker } from '../clients/ClientPicker';
import { DocumentNotFound } from './DocumentNotFound';
import { ItemsSection } from './ItemsSection';
import { lineAmounts, SectionCard, TotalsCard } from './ProformaSections';
import { RenewalSection } from './RenewalSection';
import {
  buildDraft,
  draftFormErrors,
  emptyProformaForm,
  formFromDocument,
  liveTotals,
  type LineOrigin,
  type ProformaFormValues,
} from './proforma-form';
import { invalidateDocuments } from './queries';

/** #/billing/new?client=ID */
export function NewProformaPage() {
  const [params] = useSearchParams();
  const clientId = Number(params.get('client'));
  const valid = Number.isSafeInteger(clientId) && clientId > 0;
  return <ProformaEditor key={valid ? clientId : 0} draft={null} initialClientId={valid ? clientId : null} />;
}

/** #/billing/:id/edit: a draft only; an issued document is never edited. */
export function EditProformaPage() {
  const { t } = useTranslation();
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
  if (document.data.status !== 'draft' || document.data.type !== 'proforma') {
    return (
      <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="not-draft">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('documents.editor.notDraft')}</Text>
          <Button component={Link} to={`/billing/${id}`} variant="light" size="xs">
            {t('documents.editor.back')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <ProformaEditor key={document.data.id} draft={document.data} initialClientId={document.data.clientId} />;
}

function ProformaEditor({ draft, initialClientId }: { draft: DocumentDto | null; initialClientId: number | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const draftId = draft?.id ?? null;
  const form = useForm<ProformaFormValues>({
    mode: 'controlled',
    initialValues: draft ? formFromDocument(draft) : emptyProformaForm(initialClientId),
  });
  const { values } = form;
  const [confirmIssue, setConfirmIssue] = useState(false);
  const [busy, setBusy] = useState<'save' | 'issue' | null>(null);
  /** Why nothing was saved; a refusal of fields is shown as long as a field still says what to fix. */
  const [failure, setFailure] = useState<{ message: string; fields: boolean } | null>(null);

  const catalog = useApiQuery('catalog.list', { includeInactive: false });
  const options = useApiQuery(
    'documents.renewalOptions',
    { clientId: values.clientId ?? 0, currency: values.currency },
    { enabled: values.clientId !== null, staleTime: 0 },
  );
  const optionList = options.data ?? [];
  const { lines, totals } = liveTotals(values, optionList, draftId);
  const amounts = lineAmounts(lines, totals);
  const optionsReady = values.clientId === null || options.isSuccess;

  /** Bumped when the form is refused: once the errors are on screen, the first wrong field gets the focus. */
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    (invalid ?? formRef.current?.querySelector('[role="alert"]'))?.scrollIntoView({ block: 'center' });
  }, [refusals]);

  const errorText = (error: unknown) => (error instanceof ApiFailure ? error.message : t('errors.loadFailed'));

  /** The draft to send, or null with the fields to fix shown on the form. */
  function check() {
    setFailure(null);
    form.clearErrors();
    const built = buildDraft(values, optionList, draftId);
    if (built.ok) return built;
    form.setErrors(
      Object.fromEntries(
        Object.entries(built.errors).map(([path, code]) => [path, t(`documents.editor.errors.${code}`)]),
      ),
    );
    setFailure({ message: t('documents.editor.notSaved'), fields: true });
    setRefusals((count) => count + 1);
    return null;
  }

  /** Checks the form, then saves the draft; null when something must be fixed first (the form says what). */
  async function save(): Promise<DocumentDto | null> {
    const built = check();
    if (!built) return null;
    try {
      const saved = await request('documents.saveDraft', built.input);
      await invalidateDocuments(queryClient);
      return saved;
    } catch (error) {
      showRefusal(error, built.origins);
      return null;
    }
  }

  function showRefusal(error: unknown, origins: LineOrigin[]) {
    const fields = error instanceof ApiFailure ? error.fields : {};
    if (Object.keys(fields).length > 0) {
      form.setErrors(draftFormErrors(fields, origins));
      setFailure({ message: t('documents.editor.notSaved'), fields: true });
    } else {
      setFailure({ message: errorText(error), fields: false });
    }
    setRefusals((count) => count + 1);
  }

  async function saveDraft() {
    if (busy) return;
    setBusy('save');
    const saved = await save();
    setBusy(null);
    if (!saved) return;
    notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('documents.editor.saved') });
    void navigate(`/billing/${saved.id}`);
  }

  function askIssue() {
    // The form is checked before the question: the confirmation is only asked for a proforma that can be issued.
    if (check()) setConfirmIssue(true);
  }

  async function issue() {
    if (busy) return;
    setBusy('issue');
    const saved = await save();
    if (!saved) {
      setBusy(null);
      setConfirmIssue(false);
      return;
    }
    try {
      const issued = await request('documents.issue', { id: saved.id });
      await invalidateDocuments(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t('documents.actions.issued', { number: issued.number ?? '' }),
      });
    } catch (error) {
      // The draft is saved: its page shows it, with the reason it could not be issued.
      notifications.show({ color: 'red', icon: <IconAlertTriangle size={18} />, message: errorText(error) });
    }
    setBusy(null);
    setConfirmIssue(false);
    void navigate(`/billing/${saved.id}`);
  }

  useHotkeys([['mod+S', () => formRef.current?.requestSubmit()]], []);
  const cancel = () => void navigate(draft ? `/billing/${draft.id}` : '/billing');
  const setClient = (clientId: number | null) => {
    form.setValues({ clientId, services: {} });
    form.clearFieldError('clientId');
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void saveDraft();
      }}
      data-testid="proforma-form"
    >
      <PageHeader
        title={draft ? t('documents.editor.editTitle') : t('documents.editor.newTitle')}
        subtitle={t('documents.editor.subtitle')}
      />
      <Stack gap="md">
        {failure && (!failure.fields || Object.keys(form.errors).length > 0) && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="proforma-error">
            {failure.message}
            {typeof form.errors.lines === 'string' && (
              <Text size="sm" mt={4} data-testid="proforma-lines-error">
                {form.errors.lines}
              </Text>
            )}
          </Alert>
        )}
        <SectionCard title={t('documents.editor.details')}>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <ClientPicker
                label={t('documents.editor.client')}
                required
                value={values.clientId}
                onChange={setClient}
                error={form.errors.clientId}
                data-autofocus={values.clientId === null || undefined}
                data-testid="proforma-client"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <Select
                label={t('documents.editor.currency')}
                data={[...CURRENCIES]}
                allowDeselect={false}
                value={values.currency}
                onChange={(value) => form.setFieldValue('currency', value ?? 'MAD')}
                error={form.errors.currency}
                data-testid="proforma-currency"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 4 }}>
              <DateField
                label={t('documents.editor.dueDate')}
                description={t('documents.editor.dueDateHint')}
                initialDate={values.dueDate}
                onChange={(iso) => form.setFieldValue('dueDate', iso)}
                error={form.errors.dueDate}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </Grid.Col>
          </Grid>
        </SectionCard>
        <RenewalSection
          form={form}
          options={optionList}
          loading={values.clientId !== null && options.isPending}
          draftId={draftId}
          amounts={amounts}
        />
        {options.isError && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {options.error.message}
          </Alert>
        )}
        <ItemsSection form={form} products={catalog.data ?? []} amounts={amounts} />
        <Grid gap="md" align="stretch">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <SectionCard title={t('documents.editor.notes')}>
              <Textarea
                aria-label={t('documents.editor.notes')}
                description={t('documents.editor.notesHint')}
                inputWrapperOrder={['input', 'description', 'error']}
                autosize
                minRows={4}
                maxLength={1000}
                {...form.getInputProps('notes')}
              />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TotalsCard totals={totals} lineCount={lines.length} currency={values.currency} />
          </Grid.Col>
        </Grid>
        <Paper className="action-bar" data-testid="proforma-actions">
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Group gap="lg" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t('documents.editor.totals.ht')}{' '}
                <Text span className="mono" c="dark" fw={500}>
                  {formatMoney(totals.ht, values.currency)}
                </Text>
              </Text>
              <Text size="sm" fw={600}>
                {t('documents.editor.totals.ttc')}{' '}
                <Text span className="mono" c="brand.8" fw={700} fz="lg" data-testid="actions-ttc">
                  {formatMoney(totals.ttc, values.currency)}
                </Text>
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Button variant="subtle" color="gray" onClick={cancel}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                variant="default"
                leftSection={<IconDeviceFloppy size={16} />}
                loading={busy === 'save'}
                disabled={!optionsReady || busy === 'issue'}
                data-testid="proforma-save"
              >
                {t('documents.editor.save')}
              </Button>
              <Button
                leftSection={<IconSend size={16} />}
                onClick={askIssue}
                disabled={!optionsReady || busy !== null}
                data-testid="proforma-issue"
              >
                {t('documents.editor.issue')}
              </Button>
            </Group>
          </Group>
        </Paper>
      </Stack>
      <Modal
        opened={confirmIssue}
        onClose={() => setConfirmIssue(false)}
        title={t('documents.editor.issueConfirm.title')}
      >
        <Stack gap="md">
          <Text size="sm">{t('documents.editor.issueConfirm.body')}</Text>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
            {t('documents.editor.issueConfirm.warning')}
          </Alert>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmIssue(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              leftSection={<IconSend size={16} />}
              loading={busy === 'issue'}
              onClick={() => void issue()}
              data-autofocus
              data-testid="issue-confirm"
            >
              {t('documents.editor.issueConfirm.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
