import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Popover,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconCurrencyEuro } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthPeriod, shiftMonth } from '../../../shared/report-period';
import { locale } from '../../i18n';
import { DateField } from '../../ui/DateField';
import { monthName, monthOptions, periodOf, ratesOf, type PeriodChoice, type RateTexts } from './period';

/** The month (with arrows), or a free range of dates; and the report's reference exchange rates. */
export function PeriodBar({
  choice,
  onChoice,
  today,
  rates,
  onRates,
}: {
  choice: PeriodChoice;
  onChoice: (choice: PeriodChoice) => void;
  today: string;
  rates: RateTexts;
  onRates: (rates: RateTexts) => void;
}) {
  const { t } = useTranslation();
  const months = monthOptions(today);
  const latest = months[0] ?? choice.month;
  const setMonth = (month: string) => onChoice({ ...choice, ...monthPeriod(month), month });
  const invalidRange = choice.mode === 'range' && choice.from !== '' && choice.to !== '' && periodOf(choice) === null;
  return (
    <Paper withBorder p="md" mb="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('reports.period.label')}
          </Text>
          <SegmentedControl
            value={choice.mode}
            onChange={(mode) => onChoice({ ...choice, mode })}
            data={[
              { value: 'month', label: t('reports.period.month') },
              { value: 'range', label: t('reports.period.range') },
            ]}
            data-testid="period-mode"
          />
        </Stack>
        {choice.mode === 'month' ? (
          <Group gap={4} align="flex-end" wrap="nowrap">
            <Tooltip label={t('reports.period.previous')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('reports.period.previous')}
                onClick={() => setMonth(shiftMonth(choice.month, -1))}
                data-testid="month-previous"
              >
                <IconChevronLeft size={16} />
              </ActionIcon>
            </Tooltip>
            <Select
              aria-label={t('reports.period.month')}
              data={months.map((m) => ({ value: m, label: monthName(m, locale()) }))}
              value={choice.month}
              onChange={(month) => month && setMonth(month)}
              allowDeselect={false}
              w={190}
              data-testid="month-select"
            />
            <Tooltip label={t('reports.period.next')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('reports.period.next')}
                disabled={choice.month >= latest}
                onClick={() => setMonth(shiftMonth(choice.month, 1))}
                data-testid="month-next"
              >
                <IconChevronRight size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ) : (
          <Group gap="sm" align="flex-start">
            <DateField
              label={t('reports.period.from')}
              initialDate={choice.from}
              onChange={(from) => onChoice({ ...choice, from })}
              w={130}
              data-testid="range-from"
            />
            <DateField
              label={t('reports.period.to')}
              initialDate={choice.to}
              onChange={(to) => onChoice({ ...choice, to })}
              error={invalidRange ? t('reports.period.invalid') : undefined}
              w={130}
              data-testid="range-to"
            />
          </Group>
        )}
        <RatesPopover rates={rates} onRates={onRates} />
      </Group>
    </Paper>
  );
}

function RatesPopover({ rates, onRates }: { rates: RateTexts; onRates: (rates: RateTexts) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState(rates);
  const read = ratesOf(draft);
  const invalid = 'invalid' in read ? read.invalid : null;
  const apply = () => {
    if (invalid) return;
    onRates(draft);
    setOpened(false);
  };
  const typed = rates.EUR.trim() !== '' || rates.USD.trim() !== '';
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} trapFocus withArrow>
      <Popover.Target>
        <Button
          variant={typed ? 'light' : 'default'}
          leftSection={<IconCurrencyEuro size={16} />}
          onClick={() => {
            setDraft(rates);
            setOpened((o) => !o);
          }}
          ml="auto"
          data-testid="rates-button"
        >
          {t('reports.rates.button')}
          {typed
            ? ` · ${[rates.EUR && `€ ${rates.EUR}`, rates.USD && `$ ${rates.USD}`].filter(Boolean).join(', ')}`
            : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {t('reports.rates.title')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('reports.rates.hint')}
            </Text>
            {(['EUR', 'USD'] as const).map((currency) => (
              <TextInput
                key={currency}
                label={t(`reports.rates.${currency === 'EUR' ? 'eur' : 'usd'}`)}
                placeholder="10,85"
                inputMode="decimal"
                value={draft[currency]}
                onChange={(event) => setDraft({ ...draft, [currency]: event.currentTarget.value })}
                error={invalid === currency ? t('reports.rates.invalid') : undefined}
                rightSection={
                  <Text size="xs" c="dimmed">
                    DH
                  </Text>
                }
                data-testid={`rate-${currency}`}
              />
            ))}
            <Button type="submit" disabled={invalid !== null} data-testid="rates-apply">
              {t('reports.rates.apply')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
