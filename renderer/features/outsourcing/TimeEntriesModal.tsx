import { ActionIcon, Alert, Badge, Divider, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ServiceDto, TimeEntryDto } from '../../../shared/api';
import { formatDuration, monthLabel } from '../../../shared/durations';
import { formatCalendarDate } from '../../../shared/periods';
import { useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { MissionActions } from './MissionActions';
import { TimeEntryForm } from './TimeEntryForm';

/** A service's time spent: the monthly statement (contracts), the entries, and the mission's proformas. */
export function TimeEntriesModal({ service, onClose }: { service: ServiceDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={service !== null}
      onClose={onClose}
      size="xl"
      title={service ? t('outsourcing.title', { label: service.label }) : ''}
    >
      {service && <TimeEntries service={service} />}
    </Modal>
  );
}

function TimeEntries({ service }: { service: ServiceDto }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [editing, setEditing] = useState<TimeEntryDto | null>(null);
  const entries = useApiQuery('outsourcing.entries', { serviceId: service.id }, { staleTime: 0 });
  const monthly = service.kind === 'outsourcing_monthly';
  const open = !['terminated', 'cancelled', 'lost'].includes(service.status);
  return (
    <Stack gap="md">
      {monthly && <Statements serviceId={service.id} />}
      {service.kind === 'outsourcing_mission' && <MissionActions service={service} />}
      <Divider />
      {open && (
        <TimeEntryForm
          key={editing?.id ?? 'new'}
          serviceId={service.id}
          editing={editing}
          onDone={() => setEditing(null)}
        />
      )}
      <Title order={5}>{t('outsourcing.entries')}</Title>
      {entries.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {entries.error.message}
        </Alert>
      )}
      {entries.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('outsourcing.noEntries')}
        </Text>
      )}
      {entries.data && entries.data.length > 0 && (
        <Table data-testid="time-entries" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('outsourcing.date')}</Table.Th>
              <Table.Th w={90}>{t('outsourcing.duration')}</Table.Th>
              <Table.Th w={110}>{t('outsourcing.who')}</Table.Th>
              <Table.Th>{t('outsourcing.what')}</Table.Th>
              <Table.Th w={48} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data.map((e) => (
              <Table.Tr key={e.id} data-testid="time-entry-row">
                <Table.Td>{formatCalendarDate(e.workDate)}</Table.Td>
                <Table.Td className="mono">{formatDuration(e.minutes)}</Table.Td>
                <Table.Td>{e.username}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.description}</Table.Td>
                <Table.Td>
                  {e.frozen ? (
                    <Tooltip label={t('outsourcing.frozen')}>
                      <IconLock size={16} aria-label={t('outsourcing.frozen')} />
                    </Tooltip>
                  ) : (
                    e.username === user.username && (
                      <Tooltip label={t('outsourcing.edit')}>
                        <ActionIcon variant="subtle" aria-label={t('outsourcing.edit')} onClick={() => setEditing(e)}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Each month: used / included, the extra, and the proforma that billed it. */
function Statements({ serviceId }: { serviceId: number }) {
  const { t } = useTranslation();
  const statements = useApiQuery('outsourcing.statements', { serviceId }, { staleTime: 0 });
  if (!statements.data || statements.data.length === 0) return null;
  return (
    <Stack gap={6}>
      <Title order={5}>{t('outsourcing.statements')}</Title>
      <Table data-testid="hours-statements" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('outsourcing.month')}</Table.Th>
            <Table.Th>
              {t('outsourcing.used')} / {t('outsourcing.included')}
            </Table.Th>
            <Table.Th>{t('outsourcing.extra')}</Table.Th>
            <Table.Th>{t('outsourcing.billedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...statements.data].reverse().map((m) => (
            <Table.Tr key={m.month} data-testid="hours-statement">
              <Table.Td>{monthLabel(m.month)}</Table.Td>
              <Table.Td className="mono">
                {formatDuration(m.used)} / {formatDuration(m.included)}
              </Table.Td>
              <Table.Td className="mono">
                {m.extra > 0 ? formatDuration(m.extra) : t('outsourcing.nothingExtra')}
              </Table.Td>
              <Table.Td>
                {m.billedOn ? (
                  <Link to={`/billing/${m.billedOn.id}`}>{m.billedOn.number}</Link>
                ) : m.extra > 0 ? (
                  <Badge variant="light" color={m.closed ? 'orange' : 'gray'}>
                    {m.closed ? t('outsourcing.notBilled') : t('outsourcing.inProgress')}
                  </Badge>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
