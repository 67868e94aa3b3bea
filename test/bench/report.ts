/** One line of a measure's detail in the human table (e.g. one kind of query), with no BENCH line of its own. */
export interface Breakdown {
  label: string;
  value: number;
  peer: number | null;
  detail: string;
}

/** One measure's result, printed as a human table row and the machine-readable BENCH line of SPEC §10. */
export interface Measure {
  name: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'x';
  budget: number;
  /** The floor or peer measured in the same run, or null when the budget stands alone. */
  peer: number | null;
  /** When set, the measure is ok only if value / peer is at most this too (0.1: at least 10× faster than the peer). */
  maxRatio?: number;
  detail: string;
  /** Rows shown under the measure in the human table, so that a slow part is visible. */
  breakdown?: Breakdown[];
  /** What the measured code got wrong (a fast answer that is wrong is no result): any error makes the measure fail. */
  errors?: string[];
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const round = (n: number) => Math.round(n * 100) / 100;

function ratioOf(m: { value: number; peer: number | null }): number | null {
  return m.peer === null || m.peer === 0 ? null : m.value / m.peer;
}

export function isOk(m: Measure): boolean {
  if (m.value > m.budget || (m.errors?.length ?? 0) > 0) return false;
  if (m.maxRatio === undefined) return true;
  const ratio = ratioOf(m);
  return ratio !== null && ratio <= m.maxRatio;
}

export function print(measures: Measure[]): boolean {
  const ratioText = (m: { value: number; peer: number | null }) => {
    const ratio = ratioOf(m);
    return ratio === null ? '-' : `${round(ratio)}`;
  };
  console.table(
    measures.flatMap((m) => [
      {
        measure: m.name,
        value: `${round(m.value)} ${m.unit}`,
        budget: `${m.budget} ${m.unit}${m.maxRatio === undefined ? '' : `, ≤ ${m.maxRatio}× peer`}`,
        peer: m.peer === null ? '-' : `${round(m.peer)} ${m.unit}`,
        ratio: ratioText(m),
        detail: m.detail,
      },
      ...(m.breakdown ?? []).map((b) => ({
        measure: `  · ${b.label}`,
        value: `${round(b.value)} ${m.unit}`,
        budget: '',
        peer: b.peer === null ? '-' : `${round(b.peer)} ${m.unit}`,
        ratio: ratioText(b),
        detail: b.detail,
      })),
    ]),
  );
  for (const m of measures) for (const error of m.errors ?? []) console.log(`${m.name}: ${error}`);
  let allOk = true;
  for (const m of measures) {
    const ok = isOk(m);
    allOk &&= ok;
    console.log(
      `BENCH name=${m.name} value=${round(m.value)} unit=${m.unit} budget=${m.budget} peer=${m.peer === null ? '-' : round(m.peer)} ratio=${ratioText(m)} ok=${ok}`,
    );
  }
  return allOk;
}
