import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ServiceDto } from '../../../shared/api';
import { useApiMutation } from '../../api';
import { useCurrentUser } from '../../app/session';
import { invalidateOutsourcing } from './TimeEntryForm';

/** A mission's two proformas: the estimate given in advance (the counter), the final one from the time spent (a manager). */
export function MissionActions({ service }: { service: ServiceDto }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [estimate, setEstimate] = useState('');
  const opened = async ({ documentId }: { documentId: number }) => {
    await invalidateOutsourcing(queryClient);
    void navigate(`/billing/${documentId}`);
  };
  const estimating = useApiMutation('outsourcing.missionEstimate', { onSuccess: opened });
  const finishing = useApiMutation('outsourcing.missionFinal', { onSuccess: opened });
  const error = estimating.error ?? finishing.error;
  return (
    <>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('outsourcing.estimateLabel')}
          placeholder={t('outsourcing.durationHint')}
          w={170}
          value={estimate}
          onChange={(e) => setEstimate(e.currentTarget.value)}
          data-testid="mission-estimate"
        />
        <Button
          variant="light"
          loading={estimating.isPending}
          onClick={() => estimating.mutate({ serviceId: service.id, estimate })}
        >
          {t('outsourcing.estimateIssue')}
        </Button>
        {can('manager') && (
          <Button
            loading={finishing.isPending}
            onClick={() => finishing.mutate({ serviceId: service.id })}
            data-testid="mission-final"
          >
            {t('outsourcing.finalIssue')}
          </Button>
        )}
      </Group>
      {can('manager') && (
        <Text size="xs" c="dimmed">
          {t('outsourcing.finalHint')}
        </Text>
      )}
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {error.message}
        </Alert>
      )}
    </>
  );
}
