import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ServiceDto, ServiceEventDto } from '../../../shared/api';
import { TERMINATION_CHANNELS } from '../../../shared/api/services';
import { businessDate, formatDateTime } from '../../../shared/dates';
import { formatCalendarDate } from '../../../shared/periods';
import { SUSPENSION_REASONS, type SuspensionReason } from '../../../shared/service-state';
import { request, useApiMutation, useApiQuery } from '../../api';
import { DateField } from '../../ui/DateField';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidateServices } from './ServiceBits';

export type ServiceAction = 'terminate' | 'suspend' | 'reactivate' | 'cancel' | 'events';
export interface ServiceDialogState {
  action: ServiceAction;
  service: ServiceDto;
}

/** The one modal of a service's row actions; its title and form follow the action. */
export function ServiceDialog({ dialog, onClose }: { dialog: ServiceDialogState | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = dialog?.service.label ?? '';
  return (
    <Modal
      opened={dialog !== null}
      onClose={onClose}
      title={dialog ? t(`services.${dialog.action}.title`, { label }) : ''}
      size={dialog?.action === 'events' ? 'lg' : 'md'}
    >
      {dialog?.action === 'terminate' && <TerminationForm service={dialog.service} onDone={onClose} />}
      {dialog?.action === 'suspend' && <SuspendForm service={dialog.service} onDone={onClose} />}
      {(dialog?.action === 'reactivate' || dialog?.action === 'cancel') && (
        <NoteForm action={dialog.action} service={dialog.service} onDone={onClose} />
      )}
      {dialog?.action === 'events' && <ServiceEvents service={dialog.service} />}
    </Modal>
  );
}

function FormError({ error }: { error: { message: string; error: { fields?: Record<string, string> } } | null }) {
  if (!error || error.error.fields) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
      {error.message}
    </Alert>
  );
}

function Actions({
  onCancel,
  submit,
  loading,
  color,
}: {
  onCancel: () => void;
  submit: string;
  loading: boolean;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} color={color} data-testid="service-dialog-submit">
        {submit}
      </Button>
    </Group>
  );
}

function TerminationForm({ service, onDone }: { service: ServiceDto; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ channel: (typeof TERMINATION_CHANNELS)[number]; requestedOn: string; note: string }>({
    mode: 'controlled',
    initialValues: { channel: 'email', requestedOn: businessDate(new Date()), note: '' },
  });
  const mutation = useApiMutation('services.requestTermination', {
    onSuccess: async (saved) => {
      // The server decides lateness (one month before the anniversary) and keeps it in the request's event.
      const events = await request('services.events', { id: saved.id }).catch(() => []);
      const recorded = events.find((e) => e.kind === 'termination_request')?.details ?? {};
      const late = recorded.late === true;
      const deadline = text(recorded.deadline);
      await invalidateServices(queryClient);
      notifications.show({
        color: late ? 'orange' : 'green',
        icon: late ? <IconAlertTriangle size={18} /> : <IconCheck size={18} />,
        message: late
          ? t('services.terminate.doneLate', { deadline: deadline ? formatCalendarDate(deadline) : '' })
          : t('services.terminate.doneOnTime'),
      });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => mutation.mutate({ id: service.id, ...values }))}
      data-testid="termination-form"
    >
      <Stack gap="md">
        <Text size="sm">
          {t('services.terminate.body', { date: formatCalendarDate(service.state.expiry ?? service.dueDate) })}
        </Text>
        <FormError error={mutation.error} />
        <Select
          label={t('services.terminate.channel')}
          data={TERMINATION_CHANNELS.map((c) => ({ value: c, label: t(`services.terminate.channels.${c}`) }))}
          allowDeselect={false}
          required
          {...form.getInputProps('channel')}
        />
        <DateField
          label={t('services.terminate.requestedOn')}
          required
          initialDate={form.values.requestedOn}
          onChange={(iso) => form.setFieldValue('requestedOn', iso)}
          error={form.errors.requestedOn}
        />
        <Textarea
          label={t('services.terminate.note')}
          autosize
          minRows={2}
          maxLength={300}
          {...form.getInputProps('note')}
        />
        <Actions onCancel={onDone} submit={t('services.terminate.submit')} loading={mutation.isPending} />
      </Stack>
    </form>
  );
}

function SuspendForm({ service, onDone }: { service: ServiceDto; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ reason: SuspensionReason; note: string }>({
    mode: 'controlled',
    initialValues: { reason: 'non_payment', note: '' },
  });
  const mutation = useApiMutation('services.suspend', {
    onSuccess: async (saved) => {
      await invalidateServices(queryClient);
      notifications.show({ color: 'orange', message: t('services.suspend.done', { label: saved.label }) });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => mutation.mutate({ id: service.id, ...values }))}
      data-testid="suspend-form"
    >
      <Stack gap="md">
        <FormError error={mutation.error} />
        <Select
          label={t('services.suspend.reason')}
          data={SUSPENSION_REASONS.map((r) => ({ value: r, label: t(`services.suspend.reasons.${r}`) }))}
          allowDeselect={false}
          required
          description={form.values.reason === 'abuse' ? t('services.suspend.abuseHint') : undefined}
          {...form.getInputProps('reason')}
        />
        <Textarea
          label={t('services.suspend.note')}
          placeholder={t('services.suspend.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={300}
          required
          data-autofocus
          {...form.getInputProps('note')}
        />
        <Actions onCancel={onDone} submit={t('services.suspend.submit')} loading={mutation.isPending} color="orange" />
      </Stack>
    </form>
  );
}

function NoteForm({
  action,
  service,
  onDone,
}: {
  action: 'reactivate' | 'cancel';
  service: ServiceDto;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { note: '' } });
  const mutation = useApiMutation(action === 'reactivate' ? 'services.reactivate' : 'services.cancel', {
    onSuccess: async (saved) => {
      await invalidateServices(queryClient);
      notifications.show({ color: 'green', message: t(`services.${action}.done`, { label: saved.label }) });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ note }) => mutation.mutate({ id: service.id, note }))}
      data-testid={`${action}-form`}
    >
      <Stack gap="md">
        {action === 'cancel' && <Text size="sm">{t('services.cancel.body')}</Text>}
        <FormError error={mutation.error} />
        <Textarea
          label={t(`services.${action}.note`)}
          autosize
          minRows={2}
          maxLength={300}
          required
          data-autofocus
          {...form.getInputProps('note')}
        />
        <Actions
          onCancel={onDone}
          submit={t(`services.${action}.submit`)}
          loading={mutation.isPending}
          color={action === 'cancel' ? 'red' : undefined}
        />
      </Stack>
    </form>
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The dated, attributed changes of one service, newest first. */
function ServiceEvents({ service }: { service: ServiceDto }) {
  const { t } = useTranslation();
  const events = useApiQuery('services.events', { id: service.id }, { staleTime: 0 });
  if (events.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {events.error.message}
      </Alert>
    );
  }
  if (!events.isSuccess) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  if (events.data.length === 0) return <Text c="dimmed">{t('services.events.empty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="service-events">
      {events.data.map((event, index) => (
        <Timeline.Item key={`${event.at}-${index}`} title={<EventTitle event={event} />} data-testid="service-event">
          <EventDetails event={event} />
          <Text size="xs" c="dimmed" mt={2}>
            {formatDateTime(event.at)} · {event.username ?? t('services.events.system')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function statusLabel(status: string | null, t: (key: string) => string): string {
  return status ? t(`services.status.${status}`) : '';
}

function EventTitle({ event }: { event: ServiceEventDto }) {
  const { t } = useTranslation();
  const kinds: Record<string, string> = {
    created: t('services.events.kinds.created'),
    status: t('services.events.kinds.status'),
    termination_request: t('services.events.kinds.termination_request'),
    extension: t('services.events.kinds.extension'),
  };
  const tr = (key: string) => t(key as 'services.status.active');
  const change =
    event.fromStatus !== event.toStatus && event.toStatus
      ? event.fromStatus
        ? `${statusLabel(event.fromStatus, tr)} → ${statusLabel(event.toStatus, tr)}`
        : statusLabel(event.toStatus, tr)
      : '';
  return (
    <Group gap="xs">
      <Text size="sm" fw={600}>
        {kinds[event.kind] ?? event.kind}
      </Text>
      {change && (
        <Text size="sm" c="dimmed">
          {change}
        </Text>
      )}
    </Group>
  );
}

function EventDetails({ event }: { event: ServiceEventDto }) {
  const { t } = useTranslation();
  const d = event.details;
  const lines: string[] = [];
  if (event.kind === 'termination_request') {
    const channel = text(d.channel);
    lines.push(
      `${t('services.events.channel', { channel: channel ? t(`services.terminate.channels.${channel as 'email'}`) : '' })}, ${t('services.events.receivedOn', { date: text(d.requestedOn) ? formatCalendarDate(text(d.requestedOn)) : '' })}`,
    );
  }
  if (text(d.reason))
    lines.push(t('services.events.reason', { reason: t(`services.suspend.reasons.${text(d.reason) as 'abuse'}`) }));
  if (text(d.paidUntil)) lines.push(t('services.events.paidUntil', { date: formatCalendarDate(text(d.paidUntil)) }));
  if (text(d.from) && text(d.to))
    lines.push(
      t('services.events.period', { from: formatCalendarDate(text(d.from)), to: formatCalendarDate(text(d.to)) }),
    );
  if (text(d.note)) lines.push(text(d.note));
  const deadline = text(d.deadline);
  return (
    <Stack gap={2}>
      {event.kind === 'termination_request' && deadline && (
        <Badge color={d.late === true ? 'red' : 'green'} variant="light" size="sm" data-testid="event-late">
          {d.late === true
            ? t('services.events.late', { deadline: formatCalendarDate(deadline) })
            : t('services.events.onTime', { deadline: formatCalendarDate(deadline) })}
        </Badge>
      )}
      {lines.map((line) => (
        <Text key={line} size="sm" dir="auto">
          {line}
        </Text>
      ))}
    </Stack>
  );
}
