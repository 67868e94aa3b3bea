import { Alert, Anchor, Button, Center, Code, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconInfoCircle, IconPaperclip, IconSend } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/dates';
import { useApiMutation, useApiQuery } from '../../api';
import { MailStatusBadge } from './MailBits';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" w={170} fz="sm" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td fz="sm">{children}</Table.Td>
    </Table.Tr>
  );
}

/** One message: what it says (or would say), to whom, what the server answered; resent from here. */
export function MessageDetail({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useApiQuery('mail.get', { id: id ?? 0 }, { enabled: id !== null, staleTime: 0 });
  const resend = useApiMutation('mail.resend', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('mail.') });
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('mail.detail.resent') });
      onClose();
    },
    onError: (error) =>
      notifications.show({ color: 'red', icon: <IconAlertTriangle size={18} />, message: error.message }),
  });
  const m = message.data;
  return (
    <Modal
      opened={id !== null}
      onClose={onClose}
      size="xl"
      title={
        <Group gap="sm">
          <Text fw={600}>{t('mail.detail.title', { id: id ?? '' })}</Text>
          {m && <MailStatusBadge status={m.status} />}
        </Group>
      }
    >
      {message.isPending ? (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      ) : message.isError ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          {message.error.message}
        </Alert>
      ) : m ? (
        <Stack gap="md" data-testid="mail-detail">
          {m.preview && !m.problem && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
              {t('mail.detail.preview')}
            </Alert>
          )}
          {m.problem && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('mail.detail.problem')}>
              {m.problem}
            </Alert>
          )}
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Fact label={t('mail.columns.kind')}>{t(`mail.kind.${m.kind}`)}</Fact>
              {m.clientId !== null && (
                <Fact label={t('mail.columns.client')}>
                  <Anchor component={Link} to={`/clients/${m.clientId}`} size="sm" onClick={onClose}>
                    {m.clientName} <span className="mono">{m.clientCode}</span>
                  </Anchor>
                </Fact>
              )}
              <Fact label={t('mail.detail.to')}>{m.to || t('common.none')}</Fact>
              <Fact label={t('mail.detail.subject')}>{m.subject || t('common.none')}</Fact>
              <Fact label={t('mail.detail.attachments')}>
                {m.attachments.length > 0 ? (
                  <Group gap="xs">
                    {m.attachments.map((a) => (
                      <Group key={a} gap={4} wrap="nowrap">
                        <IconPaperclip size={14} />
                        <Text size="sm" className="mono">
                          {a}
                        </Text>
                      </Group>
                    ))}
                  </Group>
                ) : m.preview ? (
                  t('mail.detail.attachmentsLater')
                ) : (
                  t('mail.detail.noAttachment')
                )}
              </Fact>
              <Fact label={t('mail.detail.createdAt')}>
                {formatDateTime(m.createdAt)} · {t('mail.detail.createdBy')} {m.createdBy ?? t('mail.detail.system')}
              </Fact>
              <Fact label={t('mail.detail.attempts')}>{m.attempts}</Fact>
              {m.sentAt && <Fact label={t('mail.detail.sentAt')}>{formatDateTime(m.sentAt)}</Fact>}
              {m.serverResponse && (
                <Fact label={t('mail.detail.response')}>
                  <Code>{m.serverResponse}</Code>
                </Fact>
              )}
              {m.lastError && !m.problem && (
                <Fact label={t('mail.detail.lastError')}>
                  <Text size="sm" c="red.8" data-testid="mail-error">
                    {m.lastError}
                  </Text>
                </Fact>
              )}
            </Table.Tbody>
          </Table>
          {m.body && (
            <Code block style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 13 }} data-testid="mail-body">
              {m.body}
            </Code>
          )}
          <Group justify="space-between" wrap="nowrap">
            <Text size="xs" c="dimmed" maw={460}>
              {['failed', 'sent', 'skipped'].includes(m.status) ? t('mail.detail.resendHint') : ''}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={onClose}>
                {t('mail.detail.close')}
              </Button>
              {['failed', 'sent', 'skipped'].includes(m.status) && (
                <Button
                  leftSection={<IconSend size={16} />}
                  loading={resend.isPending}
                  onClick={() => resend.mutate({ id: m.id })}
                  data-testid="mail-resend"
                >
                  {t('mail.detail.resend')}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
