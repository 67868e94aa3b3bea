import { Anchor, Badge, Card, Group, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardProformaRow, DashboardSection, DashboardServiceRow } from '../../../shared/api';
import { formatMoney } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';

export type SectionKey = 'domains' | 'due' | 'overdue' | 'toAct' | 'grace';

/** The client of a line, as a link to the client's page (each line of the dashboard leads to its client). */
function ClientLink({ id, name, code }: { id: number; name: string; code: string }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/clients/${id}`} size="sm" fw={500} lh={1.3} data-testid="dashboard-client">
        {name}
      </Anchor>
      <Text c="dimmed" size="xs" className="mono">
        {code}
      </Text>
    </Stack>
  );
}

/** A domain or service name: kept on one line (a domain cut at its hyphen reads as two). */
function Label({ children }: { children: string }) {
  return (
    <Text size="sm" className="mono" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Text>
  );
}

function ProformaLink({ id, number }: { id: number; number: string | null }) {
  return (
    <Anchor component={Link} to={`/billing/${id}`} size="sm" className="mono" data-testid="dashboard-proforma">
      {number}
    </Anchor>
  );
}

interface SectionProps {
  id: SectionKey;
  icon: Icon;
  color: string;
  title: string;
  hint?: string;
  total: number;
  shown: number;
  seeAll: string;
  headers: string[];
  children: ReactNode;
}

/** A card of the dashboard: its most urgent lines, how many there are in all, and the list that holds them. */
function Section({ id, icon: SectionIcon, color, title, hint, total, shown, seeAll, headers, children }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card id={`section-${id}`} data-testid={`section-${id}`} padding="md">
      <Group justify="space-between" mb={hint ? 2 : 'sm'} wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color={color} radius="md">
            <SectionIcon size={18} />
          </ThemeIcon>
          <Text fw={600}>{title}</Text>
          <Badge variant="light" color={total > 0 ? color : 'gray'} data-testid="section-total">
            {total}
          </Badge>
        </Group>
        <Anchor component={Link} to={seeAll} size="sm">
          {t('dashboard.sections.seeAll')}
        </Anchor>
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {total === 0 ? (
        <Text size="sm" c="dimmed" py="xs" data-testid="section-empty">
          {t(`dashboard.sections.empty.${id}`)}
        </Text>
      ) : (
        <Stack gap={4}>
          <Table verticalSpacing={6} horizontalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {headers.map((h) => (
                  <Table.Th key={h} fz="xs" c="dimmed" fw={500}>
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
          {total > shown && (
            <Text size="xs" c="dimmed" ta="right">
              {t('dashboard.sections.more', { count: total - shown })}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

function Days({ days }: { days: number }) {
  const { t } = useTranslation();
  return (
    <Text span size="xs" c={days <= 7 ? 'orange.8' : 'dimmed'}>
      {t('dashboard.inDays', { count: days })}
    </Text>
  );
}

export function DomainsSection({ section, icon }: { section: DashboardSection<DashboardServiceRow>; icon: Icon }) {
  const { t } = useTranslation();
  return (
    <Section
      id="domains"
      icon={icon}
      color="blue"
      title={t('dashboard.sections.domains')}
      total={section.total}
      shown={section.rows.length}
      seeAll="/services"
      headers={[
        t('dashboard.columns.domain'),
        t('dashboard.columns.client'),
        t('dashboard.columns.expiry'),
        t('dashboard.columns.proforma'),
      ]}
    >
      {section.rows.map((r) => (
        <Table.Tr key={r.serviceId} data-testid="dashboard-row">
          <Table.Td>
            <Label>{r.label}</Label>
          </Table.Td>
          <Table.Td>
            <ClientLink id={r.clientId} name={r.clientName} code={r.clientCode} />
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatCalendarDate(r.dueDate)}
            <br />
            <Days days={r.daysToExpiry} />
          </Table.Td>
          <Table.Td>
            {r.proforma ? (
              <ProformaLink id={r.proforma.id} number={r.proforma.number} />
            ) : (
              <Badge size="sm" color="orange" variant="light">
                {t('dashboard.noProforma')}
              </Badge>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </Section>
  );
}

export function ProformasSection({
  id,
  section,
  icon,
}: {
  id: 'due' | 'overdue';
  section: DashboardSection<DashboardProformaRow>;
  icon: Icon;
}) {
  const { t } = useTranslation();
  return (
    <Section
      id={id}
      icon={icon}
      color={id === 'overdue' ? 'red' : 'yellow'}
      title={t(`dashboard.sections.${id}`)}
      total={section.total}
      shown={section.rows.length}
      seeAll="/billing"
      headers={[
        t('dashboard.columns.number'),
        t('dashboard.columns.client'),
        t('dashboard.columns.due'),
        t('dashboard.columns.balance'),
      ]}
    >
      {section.rows.map((r) => (
        <Table.Tr key={r.documentId} data-testid="dashboard-row">
          <Table.Td>
            <ProformaLink id={r.documentId} number={r.number} />
          </Table.Td>
          <Table.Td>
            <ClientLink id={r.clientId} name={r.clientName} code={r.clientCode} />
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatCalendarDate(r.dueDate)}
            <br />
            {r.daysLate > 0 ? (
              <Text span size="xs" c="red.7">
                {t('dashboard.lateDays', { count: r.daysLate })}
              </Text>
            ) : (
              <Days days={-r.daysLate} />
            )}
          </Table.Td>
          <Table.Td fz="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
            {formatMoney(r.ttc - r.paid, r.currency)}
          </Table.Td>
        </Table.Tr>
      ))}
    </Section>
  );
}

const ACTION_COLOR = { suspend: 'orange', terminate: 'red', lose: 'red' } as const;

export function ToActSection({ section, icon }: { section: DashboardSection<DashboardServiceRow>; icon: Icon }) {
  const { t } = useTranslation();
  return (
    <Section
      id="toAct"
      icon={icon}
      color="orange"
      title={t('dashboard.sections.toAct')}
      hint={t('dashboard.sections.toActHint')}
      total={section.total}
      shown={section.rows.length}
      seeAll="/services"
      headers={[t('dashboard.columns.service'), t('dashboard.columns.client'), t('dashboard.columns.action'), '']}
    >
      {section.rows.map((r) => (
        <Table.Tr key={`${r.serviceId}-${r.action ?? ''}`} data-testid="dashboard-row">
          <Table.Td>
            <Label>{r.label}</Label>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {r.productName}
            </Text>
          </Table.Td>
          <Table.Td>
            <ClientLink id={r.clientId} name={r.clientName} code={r.clientCode} />
          </Table.Td>
          <Table.Td>
            {r.action && (
              <Badge size="sm" color={ACTION_COLOR[r.action]} variant="light">
                {t(`dashboard.actions.${r.action}`)}
              </Badge>
            )}
          </Table.Td>
          <Table.Td>
            <Badge size="sm" color={r.done ? 'green' : 'gray'} variant={r.done ? 'light' : 'outline'}>
              {r.done ? t('dashboard.done') : t('dashboard.toDo')}
            </Badge>
          </Table.Td>
        </Table.Tr>
      ))}
    </Section>
  );
}

export function GraceSection({ section, icon }: { section: DashboardSection<DashboardServiceRow>; icon: Icon }) {
  const { t } = useTranslation();
  return (
    <Section
      id="grace"
      icon={icon}
      color="grape"
      title={t('dashboard.sections.grace')}
      total={section.total}
      shown={section.rows.length}
      seeAll="/services"
      headers={[
        t('dashboard.columns.domain'),
        t('dashboard.columns.client'),
        t('dashboard.columns.expiry'),
        t('dashboard.columns.proforma'),
      ]}
    >
      {section.rows.map((r) => (
        <Table.Tr key={r.serviceId} data-testid="dashboard-row">
          <Table.Td>
            <Label>{r.label}</Label>
          </Table.Td>
          <Table.Td>
            <ClientLink id={r.clientId} name={r.clientName} code={r.clientCode} />
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatCalendarDate(r.dueDate)}
            <br />
            <Text span size="xs" c="grape.7">
              {t('dashboard.expiredDays', { count: -r.daysToExpiry })}
            </Text>
          </Table.Td>
          <Table.Td>
            {r.proforma ? (
              <ProformaLink id={r.proforma.id} number={r.proforma.number} />
            ) : (
              <Badge size="sm" color="orange" variant="light">
                {t('dashboard.noProforma')}
              </Badge>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </Section>
  );
}
