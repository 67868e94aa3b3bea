import { Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

/**
 * Africa/Casablanca with its own offset table, so dates come out the same in Node, Electron and any browser. Morocco
 * keeps UTC+1 and falls back to UTC+0 during Ramadan, on dates set each year; some browsers' time-zone data (e.g.
 * Debian's Chromium with ICU 72) get those wrong. The table is this project's copy of tzdata's rules, generated with
 * `node scripts/casablanca-transitions.mjs 2018 2050` and checked against Node's data by shared/dates.test.ts.
 */
const TRANSITIONS: readonly (readonly [utcMs: number, offsetMinutes: number])[] = [
  [1521943200000, 60], // 2018-03-25T02:00:00.000Z
  [1526176800000, 0], // 2018-05-13T02:00:00.000Z
  [1529200800000, 60], // 2018-06-17T02:00:00.000Z
  [1557021600000, 0], // 2019-05-05T02:00:00.000Z
  [1560045600000, 60], // 2019-06-09T02:00:00.000Z
  [1587261600000, 0], // 2020-04-19T02:00:00.000Z
  [1590890400000, 60], // 2020-05-31T02:00:00.000Z
  [1618106400000, 0], // 2021-04-11T02:00:00.000Z
  [1621130400000, 60], // 2021-05-16T02:00:00.000Z
  [1648346400000, 0], // 2022-03-27T02:00:00.000Z
  [1651975200000, 60], // 2022-05-08T02:00:00.000Z
  [1679191200000, 0], // 2023-03-19T02:00:00.000Z
  [1682215200000, 60], // 2023-04-23T02:00:00.000Z
  [1710036000000, 0], // 2024-03-10T02:00:00.000Z
  [1713060000000, 60], // 2024-04-14T02:00:00.000Z
  [1740276000000, 0], // 2025-02-23T02:00:00.000Z
  [1743904800000, 60], // 2025-04-06T02:00:00.000Z
  [1771120800000, 0], // 2026-02-15T02:00:00.000Z
  [1774144800000, 60], // 2026-03-22T02:00:00.000Z
  [1801965600000, 0], // 2027-02-07T02:00:00.000Z
  [1804989600000, 60], // 2027-03-14T02:00:00.000Z
  [1832205600000, 0], // 2028-01-23T02:00:00.000Z
  [1835834400000, 60], // 2028-03-05T02:00:00.000Z
  [1863050400000, 0], // 2029-01-14T02:00:00.000Z
  [1866074400000, 60], // 2029-02-18T02:00:00.000Z
  [1893290400000, 0], // 2029-12-30T02:00:00.000Z
  [1896919200000, 60], // 2030-02-10T02:00:00.000Z
  [1924135200000, 0], // 2030-12-22T02:00:00.000Z
  [1927159200000, 60], // 2031-01-26T02:00:00.000Z
  [1954980000000, 0], // 2031-12-14T02:00:00.000Z
  [1958004000000, 60], // 2032-01-18T02:00:00.000Z
  [1985220000000, 0], // 2032-11-28T02:00:00.000Z
  [1988848800000, 60], // 2033-01-09T02:00:00.000Z
  [2016064800000, 0], // 2033-11-20T02:00:00.000Z
  [2019088800000, 60], // 2033-12-25T02:00:00.000Z
  [2046304800000, 0], // 2034-11-05T02:00:00.000Z
  [2049933600000, 60], // 2034-12-17T02:00:00.000Z
  [2077149600000, 0], // 2035-10-28T02:00:00.000Z
  [2080778400000, 60], // 2035-12-09T02:00:00.000Z
  [2107994400000, 0], // 2036-10-19T02:00:00.000Z
  [2111018400000, 60], // 2036-11-23T02:00:00.000Z
  [2138234400000, 0], // 2037-10-04T02:00:00.000Z
  [2141863200000, 60], // 2037-11-15T02:00:00.000Z
  [2169079200000, 0], // 2038-09-26T02:00:00.000Z
  [2172103200000, 60], // 2038-10-31T02:00:00.000Z
  [2199924000000, 0], // 2039-09-18T02:00:00.000Z
  [2202948000000, 60], // 2039-10-23T02:00:00.000Z
  [2230164000000, 0], // 2040-09-02T02:00:00.000Z
  [2233792800000, 60], // 2040-10-14T02:00:00.000Z
  [2261008800000, 0], // 2041-08-25T02:00:00.000Z
  [2264032800000, 60], // 2041-09-29T02:00:00.000Z
  [2291248800000, 0], // 2042-08-10T02:00:00.000Z
  [2294877600000, 60], // 2042-09-21T02:00:00.000Z
  [2322093600000, 0], // 2043-08-02T02:00:00.000Z
  [2325722400000, 60], // 2043-09-13T02:00:00.000Z
  [2352938400000, 0], // 2044-07-24T02:00:00.000Z
  [2355962400000, 60], // 2044-08-28T02:00:00.000Z
  [2383178400000, 0], // 2045-07-09T02:00:00.000Z
  [2386807200000, 60], // 2045-08-20T02:00:00.000Z
  [2414023200000, 0], // 2046-07-01T02:00:00.000Z
  [2417047200000, 60], // 2046-08-05T02:00:00.000Z
  [2444868000000, 0], // 2047-06-23T02:00:00.000Z
  [2447892000000, 60], // 2047-07-28T02:00:00.000Z
  [2475108000000, 0], // 2048-06-07T02:00:00.000Z
  [2478736800000, 60], // 2048-07-19T02:00:00.000Z
  [2505952800000, 0], // 2049-05-30T02:00:00.000Z
  [2508976800000, 60], // 2049-07-04T02:00:00.000Z
  [2536192800000, 0], // 2050-05-15T02:00:00.000Z
  [2539821600000, 60], // 2050-06-26T02:00:00.000Z
];
/** Before the table (2018): UTC+0 outside summer time, as tzdata has it. */
const OFFSET_BEFORE = 0;

function offsetMinutes(ts: number): number {
  let lo = 0;
  let hi = TRANSITIONS.length - 1;
  let offset = OFFSET_BEFORE;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [at, minutes] = TRANSITIONS[mid] ?? [0, OFFSET_BEFORE];
    if (at <= ts) {
      offset = minutes;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return offset;
}

function formatOffsetMinutes(minutes: number, format: ZoneOffsetFormat): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mins = String(Math.abs(minutes) % 60).padStart(2, '0');
  if (format === 'narrow') return `${sign}${Number(hours)}${mins === '00' ? '' : `:${mins}`}`;
  return format === 'techie' ? `${sign}${hours}${mins}` : `${sign}${hours}:${mins}`;
}

export class CasablancaZone extends Zone<true> {
  static readonly instance = new CasablancaZone();

  override get type(): string {
    return 'casablanca';
  }
  override get name(): string {
    return 'Africa/Casablanca';
  }
  override get isUniversal(): false {
    return false;
  }
  override get isValid(): true {
    return true;
  }
  override offsetName(ts: number, _options: ZoneOffsetOptions): string {
    return `UTC${formatOffsetMinutes(offsetMinutes(ts), 'narrow')}`;
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return formatOffsetMinutes(offsetMinutes(ts), format);
  }
  override offset(ts: number): number {
    return offsetMinutes(ts);
  }
  override equals(other: Zone): boolean {
    return other instanceof CasablancaZone;
  }
}
