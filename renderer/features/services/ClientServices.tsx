import {
  ActionIcon,
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBan,
  IconClockHour4,
  IconDots,
  IconFileX,
  IconHistory,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconServer2,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutsourcingSummaryDto, ServiceDto } from '../../../shared/api';
import { useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { HoursBadge } from '../outsourcing/HoursBadge';
import { TimeEntriesModal } from '../outsourcing/TimeEntriesModal';
import { AddServiceModal } from './ServiceAdd';
import { DueCell, ServiceStateBadges, cycleLabel, useLateTerminations } from './ServiceBits';
import { ServiceDialog, type ServiceAction, type ServiceDialogState } from './ServiceDialogs';

/** The client page's "Services" tab: what the client holds, its due dates, and the counter's actions on each. */
export function ClientServices({ clientId, readOnly }: { clientId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const services = useApiQuery('services.forClient', { clientId }, { staleTime: 0 });
  const [adding, setAdding] = useState(false);
  const [dialog, setDialog] = useState<ServiceDialogState | null>(null);
  const [hoursOf, setHoursOf] = useState<ServiceDto | null>(null);
  const hours = useApiQuery('outsourcing.forClient', { clientId }, { staleTime: 0 });
  const hoursById = new Map((hours.data ?? []).map((h) => [h.serviceId, h]));
  const late = useLateTerminations(services.data ?? []);

  if (services.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {services.error.message}
      </Alert>
    );
  }
  if (!services.isSuccess) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  const addButton = !readOnly && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="service-add">
      {t('services.tab.add')}
    </Button>
  );
  return (
    <>
      {services.data.length === 0 ? (
        <Stack align="center" gap={8} py="lg" ta="center" maw={520} mx="auto" data-testid="services-empty">
          <ThemeIcon variant="light" color="gray" size={44} radius="xl">
            <IconServer2 size={22} stroke={1.6} />
          </ThemeIcon>
          <Text fw={600} size="sm">
            {t('services.tab.emptyTitle')}
          </Text>
          <Text c="dimmed" size="sm">
            {t('services.tab.emptyBody')}
          </Text>
          {addButton}
        </Stack>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('services.count', { count: services.data.length })}
            </Text>
            {addButton}
          </Group>
          <Table.ScrollContainer minWidth={860} type="native">
            <Table data-testid="client-services" verticalSpacing="xs" styles={{ th: { whiteSpace: 'nowrap' } }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="25%">{t('services.columns.product')}</Table.Th>
                  <Table.Th>{t('services.columns.label')}</Table.Th>
                  <Table.Th w={100}>{t('services.columns.cycle')}</Table.Th>
                  <Table.Th w={150}>{t('services.columns.due')}</Table.Th>
                  <Table.Th w={220}>{t('services.columns.status')}</Table.Th>
                  <Table.Th w={48} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {services.data.map((service) => (
                  <Table.Tr key={service.id} data-testid="service-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {service.productName}
                      </Text>
                      <Text size="xs" c="dimmed" className="mono">
                        {service.productCode}
                      </Text>
                      <ServiceHours summary={hoursById.get(service.id)} onOpen={() => setHoursOf(service)} />
                    </Table.Td>
                    <Table.Td
                      className="mono"
                      style={{ overflowWrap: 'anywhere' }}
                      dir="auto"
                      data-testid="service-label"
                    >
                      {service.label}
                    </Table.Td>
                    <Table.Td>{cycleLabel(service, t)}</Table.Td>
                    <Table.Td>
                      <DueCell service={service} />
                    </Table.Td>
                    <Table.Td>
                      <ServiceStateBadges service={service} lateTermination={late.get(service.id) ?? false} />
                    </Table.Td>
                    <Table.Td>
                      <ServiceMenu
                        service={service}
                        onAction={(action) => setDialog({ action, service })}
                        onHours={hoursById.has(service.id) ? () => setHoursOf(service) : null}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      <AddServiceModal clientId={clientId} opened={adding} onClose={() => setAdding(false)} />
      <ServiceDialog dialog={dialog} onClose={() => setDialog(null)} />
      <TimeEntriesModal service={hoursOf} onClose={() => setHoursOf(null)} />
    </>
  );
}

function ServiceHours({ summary, onOpen }: { summary: OutsourcingSummaryDto | undefined; onOpen: () => void }) {
  if (!summary) return null;
  return (
    <div>
      <HoursBadge summary={summary} onOpen={onOpen} />
    </div>
  );
}

/** A row's actions: what the counter may do to the service in its status; suspensions are a manager's call. */
function ServiceMenu({
  service,
  onAction,
  onHours,
}: {
  service: ServiceDto;
  onAction: (action: ServiceAction) => void;
  /** Outsourcing services: their time spent. */
  onHours: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const open = !['terminated', 'cancelled', 'lost'].includes(service.status);
  const manager = can('manager');
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Tooltip label={t('services.tab.actions')}>
          <ActionIcon variant="subtle" color="gray" aria-label={t('services.tab.actions')} data-testid="service-menu">
            <IconDots size={18} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {onHours && (
          <Menu.Item leftSection={<IconClockHour4 size={16} />} onClick={onHours}>
            {t('outsourcing.menu')}
          </Menu.Item>
        )}
        {open && !service.terminationRequested && service.status !== 'pending' && (
          <Menu.Item leftSection={<IconFileX size={16} />} onClick={() => onAction('terminate')}>
            {t('services.actions.terminate')}
          </Menu.Item>
        )}
        {manager && ['active', 'grace'].includes(service.status) && (
          <Menu.Item leftSection={<IconPlayerPause size={16} />} color="orange" onClick={() => onAction('suspend')}>
            {t('services.actions.suspend')}
          </Menu.Item>
        )}
        {manager && service.status === 'suspended' && (
          <Menu.Item leftSection={<IconPlayerPlay size={16} />} onClick={() => onAction('reactivate')}>
            {t('services.actions.reactivate')}
          </Menu.Item>
        )}
        {manager && service.status === 'pending' && (
          <Menu.Item leftSection={<IconBan size={16} />} color="red" onClick={() => onAction('cancel')}>
            {t('services.actions.cancel')}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => onAction('events')}>
          {t('services.actions.events')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
