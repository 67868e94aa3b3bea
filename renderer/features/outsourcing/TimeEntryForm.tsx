import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TimeEntryDto } from '../../../shared/api';
import { businessDate } from '../../../shared/dates';
import { formatDuration, parseDuration } from '../../../shared/durations';
import { useApiMutation, type ApiFailure } from '../../api';
import { DateField } from '../../ui/DateField';
import { serverFieldErrors } from '../../ui/form-errors';

/** After a write, every outsourcing read (and the services tab's summaries) is fetched again. */
export function invalidateOutsourcing(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('outsourcing.'),
  });
}

interface Values {
  workDate: string;
  duration: string;
  description: string;
}

/** Records time spent, or changes one's own entry (`editing`): date, duration as typed, what was done. */
export function TimeEntryForm({
  serviceId,
  editing,
  onDone,
}: {
  serviceId: number;
  editing: TimeEntryDto | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initialDate = editing?.workDate ?? businessDate(new Date());
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      workDate: initialDate,
      duration: editing ? formatDuration(editing.minutes) : '',
      description: editing?.description ?? '',
    },
    validate: {
      duration: (value) => {
        const parsed = parseDuration(value);
        return 'error' in parsed ? parsed.error : null;
      },
    },
  });
  const done = async (message: string) => {
    await invalidateOutsourcing(queryClient);
    notifications.show({ color: 'green', message });
    form.setValues({ duration: '', description: '' });
    onDone();
  };
  // A refusal that names no field (a terminated service, a billed month) is shown under what was done.
  const refused = (error: ApiFailure) =>
    form.setErrors(error.error.fields ? serverFieldErrors(error) : { description: error.message });
  const add = useApiMutation('outsourcing.addEntry', {
    onSuccess: (entry) => done(t('outsourcing.added', { duration: formatDuration(entry.minutes) })),
    onError: refused,
  });
  const update = useApiMutation('outsourcing.updateEntry', {
    onSuccess: () => done(t('outsourcing.updated')),
    onError: refused,
  });
  return (
    <form
      noValidate
      data-testid="time-entry-form"
      onSubmit={form.onSubmit((values) =>
        editing ? update.mutate({ id: editing.id, ...values }) : add.mutate({ serviceId, ...values }),
      )}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <DateField
          key={`date-${editing?.id ?? 'new'}`}
          label={t('outsourcing.date')}
          w={130}
          initialDate={initialDate}
          onChange={(date) => form.setFieldValue('workDate', date)}
          error={form.errors.workDate}
        />
        <TextInput
          label={t('outsourcing.duration')}
          placeholder={t('outsourcing.durationHint')}
          w={150}
          data-testid="time-entry-duration"
          {...form.getInputProps('duration')}
        />
        <TextInput
          label={t('outsourcing.what')}
          style={{ flex: 1 }}
          data-testid="time-entry-description"
          {...form.getInputProps('description')}
        />
        <Button type="submit" mt={24} loading={add.isPending || update.isPending} data-testid="time-entry-submit">
          {editing ? t('outsourcing.save') : t('outsourcing.add')}
        </Button>
        {editing && (
          <Button variant="default" mt={24} onClick={onDone}>
            {t('outsourcing.cancelEdit')}
          </Button>
        )}
      </Group>
    </form>
  );
}
