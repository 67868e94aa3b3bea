import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQueries, type QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ServiceDto } from '../../../shared/api';
import { formatCalendarDate } from '../../../shared/periods';
import type { Phase } from '../../../shared/service-state';
import { queryKey, request } from '../../api';

export const PHASE_COLOR: Record<Phase, string> = {
  pending: 'gray',
  active: 'green',
  completed: 'teal',
  renewal_due: 'yellow',
  overdue: 'orange',
  suspend_due: 'orange',
  terminate_due: 'red',
  grace: 'orange',
  lost: 'red',
  ending: 'orange',
  suspended_abuse: 'red',
  terminated: 'gray',
  cancelled: 'gray',
};

/** After any service write, every cached service read (lists, records, events) is fetched again. */
export function invalidateServices(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => typeof query.queryKey[0] === 'string' && query.queryKey[0].startsWith('services.'),
  });
}

/**
 * Whether each service's termination request came late: the flag is kept in the request's event, so only services
 * with a request are asked for their events.
 */
export function useLateTerminations(services: ServiceDto[]): Map<number, boolean> {
  const requested = services.filter((s) => s.terminationRequested);
  const results = useQueries({
    queries: requested.map((s) => ({
      queryKey: queryKey('services.events', { id: s.id }),
      queryFn: () => request('services.events', { id: s.id }),
    })),
  });
  const late = new Map<number, boolean>();
  requested.forEach((s, index) => {
    const request = results[index]?.data?.find((e) => e.kind === 'termination_request');
    late.set(s.id, request?.details.late === true);
  });
  return late;
}

/** What the service is now: its status when set by hand (suspension), else its computed phase, and any termination. */
export function ServiceStateBadges({ service, lateTermination }: { service: ServiceDto; lateTermination: boolean }) {
  const { t } = useTranslation();
  const { phase } = service.state;
  const badges: { key: string; color: string; label: string }[] = [];
  if (service.status === 'suspended') {
    const reason = service.suspensionReason ?? 'non_payment';
    badges.push({
      key: 'suspended',
      color: reason === 'abuse' ? 'red' : 'orange',
      label: t(`services.suspended.${reason}`),
    });
  } else if (!(service.terminationRequested && phase === 'ending')) {
    badges.push({ key: 'phase', color: PHASE_COLOR[phase], label: t(`services.phase.${phase}`) });
  }
  if (service.terminationRequested && !['terminated', 'cancelled'].includes(service.status)) {
    badges.push({
      key: 'termination',
      color: lateTermination ? 'red' : 'orange',
      label: t(lateTermination ? 'services.termination.late' : 'services.termination.requested'),
    });
  }
  return (
    <Group gap={4} wrap="wrap">
      {badges.map((b) => (
        <Badge
          key={b.key}
          color={b.color}
          variant="light"
          data-testid={`service-${b.key}`}
          style={{ maxWidth: '100%' }}
        >
          {b.label}
        </Badge>
      ))}
    </Group>
  );
}

/** "Mensuel", "1 an", "Ponctuel". */
export function cycleLabel(service: Pick<ServiceDto, 'kind' | 'billingCycle' | 'paidMonths'>, t: TFunction): string {
  if (service.kind === 'domain') return t('services.years', { count: 1 });
  if (service.billingCycle === '') return t('services.oneOff');
  return t(`services.cycle.${service.billingCycle}`);
}

/** The due / expiry date and how far it is: "dans 20 jours", "expiré depuis 3 jours". */
export function DueCell({ service }: { service: ServiceDto }) {
  const { t } = useTranslation();
  const { expiry, daysToExpiry, phase } = service.state;
  if (phase === 'pending') {
    // Payment is in advance: a new service's first period is due from its start date.
    return (
      <Stack gap={0}>
        <Text size="sm" className="mono" data-testid="service-due">
          {formatCalendarDate(service.dueDate)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('services.due.pending')}
        </Text>
      </Stack>
    );
  }
  if (!expiry) {
    return (
      <Text size="sm" c="dimmed">
        {t('services.due.none')}
      </Text>
    );
  }
  const closed = ['terminated', 'cancelled', 'lost'].includes(service.status);
  return (
    <Stack gap={0}>
      <Text size="sm" className="mono" data-testid="service-due">
        {formatCalendarDate(expiry)}
      </Text>
      {daysToExpiry !== null && !closed && (
        <Text
          size="xs"
          c={daysToExpiry < 0 ? 'red' : daysToExpiry <= 30 ? 'orange.8' : 'dimmed'}
          data-testid="service-due-in"
        >
          {daysToExpiry === 0
            ? t('services.due.today')
            : daysToExpiry > 0
              ? t('services.due.inDays', { count: daysToExpiry })
              : t('services.due.expiredDays', { count: -daysToExpiry })}
        </Text>
      )}
    </Stack>
  );
}
