import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../shared/api';
import { useApiMutation } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidateDocuments } from './queries';

/** "Abandonner" a draft or "Annuler la proforma" (nothing paid): always with a reason, nothing deleted. */
export function CancelModal({
  document,
  opened,
  onClose,
}: {
  document: DocumentDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const draft = document.status === 'draft';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        draft
          ? t('documents.cancelDialog.draftTitle')
          : t('documents.cancelDialog.title', { number: document.number ?? '' })
      }
    >
      {opened && <CancelForm document={document} onDone={onClose} />}
    </Modal>
  );
}

function CancelForm({ document, onDone }: { document: DocumentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = document.status === 'draft';
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('documents.creditNote.errors.reason')) },
  });
  const cancel = useApiMutation('documents.cancel', {
    onSuccess: async (saved) => {
      await invalidateDocuments(queryClient);
      notifications.show({
        color: 'orange',
        message: draft
          ? t('documents.cancelDialog.draftDone')
          : t('documents.cancelDialog.done', { number: saved.number ?? '' }),
      });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ reason }) => cancel.mutate({ id: document.id, reason: reason.trim() }))}
      data-testid="cancel-form"
    >
      <Stack gap="md">
        <Text size="sm">{draft ? t('documents.cancelDialog.draftBody') : t('documents.cancelDialog.body')}</Text>
        {cancel.error && !cancel.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {cancel.error.message}
          </Alert>
        )}
        <Textarea
          label={t('documents.cancelDialog.reason')}
          placeholder={t('documents.cancelDialog.reasonPlaceholder')}
          autosize
          minRows={2}
          maxLength={300}
          required
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('documents.cancelDialog.keep')}
          </Button>
          <Button type="submit" color="red" loading={cancel.isPending} data-testid="cancel-submit">
            {draft ? t('documents.cancelDialog.draftSubmit') : t('documents.cancelDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Émettre" from a draft's page: the same warning as in the editor, then the number. */
export function IssueModal({
  document,
  opened,
  onClose,
}: {
  document: DocumentDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const issue = useApiMutation('documents.issue', {
    onSuccess: async (issued) => {
      await invalidateDocuments(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t('documents.actions.issued', { number: issued.number ?? '' }),
      });
      close();
    },
  });
  const close = () => {
    issue.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('documents.editor.issueConfirm.title')}>
      <Stack gap="md">
        <Text size="sm">{t('documents.editor.issueConfirm.body')}</Text>
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          {t('documents.editor.issueConfirm.warning')}
        </Alert>
        {issue.error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="issue-error">
            {issue.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            loading={issue.isPending}
            onClick={() => issue.mutate({ id: document.id })}
            data-autofocus
            data-testid="issue-confirm"
          >
            {t('documents.editor.issueConfirm.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
