import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashSessionDto } from '../../../shared/api';
import { DENOMINATIONS } from '../../../shared/cash';
import { formatMoney } from '../../../shared/money';
import { useApiMutation } from '../../api';
import { denominationLabel, emptyCount, isNote, liveCount, type CountValues } from './cash-count';
import { differenceColor, DifferenceLabel, differenceTint, invalidateCash } from './CashBits';

/**
 * The night's count: one row per note and coin with its line total, the counted total, the expected amount and the
 * difference, live (shared countedTotal). Enter goes to the next row; on the last one it asks to close.
 */
export function CashCount({
  session,
  onCancel,
  onClosed,
}: {
  session: CashSessionDto;
  onCancel: () => void;
  onClosed: (closed: CashSessionDto) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<CountValues>(emptyCount);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const live = liveCount(values, session.expected);
  const close = useApiMutation('cash.close', {
    onSuccess: async (closed) => {
      await invalidateCash(queryClient);
      notifications.show({
        color: closed.difference === 0 ? 'green' : 'orange',
        message: t('cash.count.done', { difference: formatMoney(closed.difference ?? 0) }),
      });
      onClosed(closed);
    },
    onError: () => setConfirming(false),
  });

  const ask = () => {
    setShowErrors(true);
    if (live.invalid.length === 0 && !live.empty) setConfirming(true);
  };
  const next = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const following = inputs.current[index + 1];
    if (following) following.focus();
    else ask();
  };

  const rows = (notes: boolean) =>
    DENOMINATIONS.map((denomination, index) => ({ denomination, index })).filter(
      ({ denomination }) => isNote(denomination) === notes,
    );
  const table = (notes: boolean) => (
    <Table verticalSpacing={4} data-testid={notes ? 'count-notes' : 'count-coins'}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{notes ? t('cash.count.notes') : t('cash.count.coins')}</Table.Th>
          <Table.Th w={110}>{t('cash.count.quantity')}</Table.Th>
          <Table.Th w={140} ta="right">
            {t('cash.count.lineTotal')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows(notes).map(({ denomination, index }) => {
          const key = String(denomination);
          const label = denominationLabel(denomination);
          const line = live.invalid.includes(key) ? null : (live.lines[key] ?? 0);
          const invalid = showErrors && live.invalid.includes(key);
          return (
            <Table.Tr key={key} data-testid="count-row">
              <Table.Td className="mono" fw={600}>
                {label}
              </Table.Td>
              <Table.Td>
                <TextInput
                  ref={(element) => {
                    inputs.current[index] = element;
                  }}
                  size="xs"
                  inputMode="numeric"
                  placeholder="0"
                  autoFocus={index === 0}
                  aria-label={t('cash.count.quantityOf', {
                    kind: notes ? t('cash.count.note') : t('cash.count.coin'),
                    label,
                  })}
                  value={values[key] ?? ''}
                  onChange={(event) => {
                    const text = event.currentTarget.value;
                    setValues((previous) => ({ ...previous, [key]: text }));
                  }}
                  onKeyDown={next(index)}
                  error={invalid ? t('cash.count.invalid') : undefined}
                  data-testid={`count-${key}`}
                />
              </Table.Td>
              <Table.Td ta="right" className="mono" c={line ? undefined : 'dimmed'} data-testid="count-line-total">
                {line === null ? t('common.none') : formatMoney(line)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );

  return (
    <Card data-testid="cash-count">
      <Stack gap={2} mb="md">
        <Title order={3} fz="md">
          {t('cash.count.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('cash.count.hint')}
        </Text>
      </Stack>
      <Stack gap="md">
        {close.error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {close.error.message}
          </Alert>
        )}
        {showErrors && live.empty && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="count-empty">
            {t('cash.count.empty')}
          </Alert>
        )}
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 6 }}>{table(true)}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>{table(false)}</Grid.Col>
        </Grid>
        <SimpleGrid cols={3} spacing="sm">
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t('cash.count.counted')}
            </Text>
            <Text fw={800} fz={22} className="mono" data-testid="count-counted">
              {formatMoney(live.counted)}
            </Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t('cash.count.expected')}
            </Text>
            <Text fw={800} fz={22} className="mono" data-testid="count-expected">
              {formatMoney(session.expected)}
            </Text>
          </Paper>
          <Paper withBorder p="sm" bg={differenceTint(live.difference)}>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('cash.count.difference')}
              </Text>
              <DifferenceLabel difference={live.difference} />
            </Group>
            <Text fw={800} fz={22} className="mono" c={differenceColor(live.difference)} data-testid="count-difference">
              {formatMoney(live.difference)}
            </Text>
          </Paper>
        </SimpleGrid>
        <Textarea
          label={t('cash.count.closeNote')}
          placeholder={t('cash.count.closeNotePlaceholder')}
          autosize
          minRows={1}
          maxLength={300}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-testid="count-note"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('cash.count.cancel')}
          </Button>
          <Button color="orange" leftSection={<IconLock size={16} />} onClick={ask} data-testid="count-submit">
            {t('cash.count.submit')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('cash.count.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm">
            {t('cash.count.confirmBody', {
              counted: formatMoney(live.counted),
              expected: formatMoney(session.expected),
            })}
          </Text>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('cash.count.difference')}
            </Text>
            <Text size="sm" fw={800} className="mono" c={differenceColor(live.difference)}>
              {formatMoney(live.difference)}
            </Text>
            <DifferenceLabel difference={live.difference} />
          </Group>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
            {t('cash.count.confirmWarning')}
          </Alert>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              leftSection={<IconLock size={16} />}
              loading={close.isPending}
              onClick={() => close.mutate({ sessionId: session.id, count: live.count, note: note.trim() })}
              data-autofocus
              data-testid="count-confirm"
            >
              {t('cash.count.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
