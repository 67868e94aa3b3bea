import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { formatMoney } from '../../../shared/money';

const BRAND = 'var(--mantine-color-brand-7)';
const NEGATIVE = 'var(--mantine-color-red-6)';

/** A bar in the brand colour, red below zero (a day of refunds). */
function SignedBar(props: BarShapeProps) {
  const value = Array.isArray(props.value) ? props.value[1] - props.value[0] : props.value;
  return <Rectangle {...props} fill={value < 0 ? NEGATIVE : BRAND} />;
}

/** Dirhams on an axis: "12 k", "1,2 M" — the exact figure is in the tooltip and the tables. */
function compact(centimes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(centimes / 100);
}

export interface ChartBar {
  key: string;
  label: string;
  /** Centimes of dirhams. */
  value: number;
}

/** Horizontal bars (a few categories, long names): e.g. the net received by payment method. */
export function CategoryBars({
  bars,
  locale,
  onPick,
  testId,
}: {
  bars: ChartBar[];
  locale: string;
  onPick: (bar: ChartBar) => void;
  testId: string;
}) {
  return (
    <div data-testid={testId} style={{ width: '100%', height: Math.max(140, 34 * bars.length + 40) }}>
      <ResponsiveContainer>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => compact(v, locale)} fontSize={11} />
          <YAxis type="category" dataKey="label" width={150} fontSize={12} />
          <Tooltip formatter={(v) => formatMoney(Number(v))} cursor={{ fill: 'var(--mantine-color-gray-1)' }} />
          <Bar
            dataKey="value"
            cursor="pointer"
            shape={SignedBar}
            onClick={(_, index) => {
              const bar = bars[index];
              if (bar) onPick(bar);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Vertical bars, one per day of the period: the rhythm of the month at a glance. */
export function DayBars({
  bars,
  locale,
  onPick,
  testId,
}: {
  bars: ChartBar[];
  locale: string;
  onPick: (bar: ChartBar) => void;
  testId: string;
}) {
  return (
    <div data-testid={testId} style={{ width: '100%', height: 220 }}>
      <ResponsiveContainer>
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={11} interval="preserveStartEnd" />
          <YAxis tickFormatter={(v: number) => compact(v, locale)} fontSize={11} width={48} />
          <Tooltip
            formatter={(v) => formatMoney(Number(v))}
            labelFormatter={(_, items) => (items[0]?.payload as ChartBar | undefined)?.key ?? ''}
            cursor={{ fill: 'var(--mantine-color-gray-1)' }}
          />
          <Bar
            dataKey="value"
            cursor="pointer"
            shape={SignedBar}
            onClick={(_, index) => {
              const bar = bars[index];
              if (bar) onPick(bar);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
