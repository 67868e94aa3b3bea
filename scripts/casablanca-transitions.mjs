// Prints the UTC offset changes of Africa/Casablanca (Morocco: UTC+1, UTC+0 during Ramadan) from this Node's time-zone
// data, as the table of shared/casablanca-zone.ts. Re-run when Morocco's rules or tzdata change:
//   node scripts/casablanca-transitions.mjs 2018 2050
const [from = 2018, to = 2050] = process.argv.slice(2).map(Number);
const fmt = new Intl.DateTimeFormat('en', { timeZone: 'Africa/Casablanca', timeZoneName: 'longOffset' });
const offsetAt = (ms) => {
  const name = fmt.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
};
const HOUR = 3_600_000;
let t = Date.UTC(from, 0, 1);
const end = Date.UTC(to + 1, 0, 1);
let current = offsetAt(t);
console.log(`  // from ${new Date(t).toISOString()}: ${current}`);
const rows = [];
for (; t < end; t += HOUR) {
  const next = offsetAt(t + HOUR);
  if (next !== current) {
    // Narrow to the minute.
    let lo = t;
    let hi = t + HOUR;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid) === current) lo = mid;
      else hi = mid;
    }
    rows.push(`  [${hi}, ${next}], // ${new Date(hi).toISOString()}`);
    current = next;
  }
}
console.log(rows.join('\n'));
