import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatMoney, type Currency } from '../../../shared/money';
import { ClientName } from '../clients/ClientBits';

/** One section of the report: a titled card, a sentence on how its figures are made, its content. */
export function SectionCard({
  title,
  hint,
  aside,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  aside?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card padding="lg" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} fz="md">
              {title}
            </Title>
            {hint && (
              <Text size="xs" c="dimmed" maw={760}>
                {hint}
              </Text>
            )}
          </Stack>
          {aside}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** An amount in a table cell: right-aligned, never wrapped, red when negative. */
export function AmountCell({
  value,
  currency = 'MAD',
  strong = false,
  note,
}: {
  value: number | null;
  currency?: Currency;
  strong?: boolean;
  /** A line under the amount (e.g. what no exchange rate converted). */
  note?: ReactNode;
}) {
  return (
    <Table.Td
      ta="right"
      style={{ whiteSpace: 'nowrap' }}
      fw={strong ? 600 : undefined}
      c={value !== null && value < 0 ? 'red.7' : undefined}
    >
      {value === null ? '—' : formatMoney(value, currency)}
      {note}
    </Table.Td>
  );
}

export function CountCell({ value }: { value: number }) {
  return (
    <Table.Td ta="right" className="mono">
      {value}
    </Table.Td>
  );
}

/** A table row that opens what a figure is made of, by click or by Enter. */
export function DrillRow({ onOpen, children, testId }: { onOpen: () => void; children: ReactNode; testId: string }) {
  return (
    <Table.Tr
      className="clickable-row"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen();
      }}
      data-testid={testId}
    >
      {children}
    </Table.Tr>
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" py="xs">
      {children}
    </Text>
  );
}

/** A client in a table: the name (French or Arabic, either direction) over the client code. */
export function ClientCell({ name, code, width = 240 }: { name: string; code?: string; width?: number }) {
  return (
    <Table.Td>
      <Text size="sm" className="cell-truncate" maw={width}>
        <ClientName name={name} />
      </Text>
      {code && (
        <Text size="xs" c="dimmed" className="mono">
          {code}
        </Text>
      )}
    </Table.Td>
  );
}
