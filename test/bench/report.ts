/** One measure's result, printed as a human table row and the machine-readable BENCH line of SPEC §10. */
export interface Measure {
  name: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'x';
  budget: number;
  /** The floor or peer measured in the same run, or null when the budget stands alone. */
  peer: number | null;
  detail: string;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function print(measures: Measure[]): boolean {
  console.table(
    measures.map((m) => ({
      measure: m.name,
      value: `${round(m.value)} ${m.unit}`,
      budget: `${m.budget} ${m.unit}`,
      peer: m.peer === null ? '-' : `${round(m.peer)} ${m.unit}`,
      detail: m.detail,
    })),
  );
  let allOk = true;
  for (const m of measures) {
    const ok = m.value <= m.budget;
    allOk &&= ok;
    const ratio = m.peer === null || m.peer === 0 ? '-' : String(round(m.value / m.peer));
    console.log(
      `BENCH name=${m.name} value=${round(m.value)} unit=${m.unit} budget=${m.budget} peer=${m.peer === null ? '-' : round(m.peer)} ratio=${ratio} ok=${ok}`,
    );
  }
  return allOk;
}
