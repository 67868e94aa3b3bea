import { Button, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconListDetails, IconSend, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { MessageList } from './MessageList';
import { OutboxBanner } from './OutboxBanner';
import { TemplatesPanel } from './TemplatesPanel';

/** #/mail — the outbox: every message with its state and the server's answer; the templates for a manager. */
export function OutboxPage() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const queryClient = useQueryClient();
  const status = useApiQuery('mail.status', {}, { refetchInterval: 30_000, staleTime: 0 });
  const sendNow = useApiMutation('mail.sendNow', {
    onSuccess: async (after) => {
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('mail.') });
      notifications.show({ color: 'blue', message: t('mail.sendNowDone', { count: after.queued }) });
    },
  });
  const ready = status.data?.enabled === true && status.data.configured;
  return (
    <>
      <PageHeader
        title={t('mail.title')}
        subtitle={t('mail.subtitle')}
        actions={
          <Button
            leftSection={<IconSend size={16} />}
            onClick={() => sendNow.mutate({})}
            loading={sendNow.isPending}
            disabled={!ready}
            title={t('mail.sendNowHint')}
            data-testid="mail-send-now"
          >
            {t('mail.sendNow')}
          </Button>
        }
      />
      {status.data && <OutboxBanner status={status.data} />}
      {can('manager') ? (
        <Tabs defaultValue="messages" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="messages" leftSection={<IconListDetails size={16} />}>
              {t('mail.tabs.messages')}
            </Tabs.Tab>
            <Tabs.Tab value="templates" leftSection={<IconTemplate size={16} />}>
              {t('mail.tabs.templates')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="messages">
            <MessageList />
          </Tabs.Panel>
          <Tabs.Panel value="templates">
            <TemplatesPanel />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <MessageList />
      )}
    </>
  );
}
