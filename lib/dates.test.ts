import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, describeDays, formatLocalDate, isLocalDate, isoWeekday, isValidTimeZone, localDateIn } from './dates';

const at = (iso: string) => new Date(iso);

describe('localDateIn', () => {
  it('gives the patient-local date, not the UTC date', () => {
    // 10:30Z in March is 23:30 NZDT (UTC+13) on the same day in Auckland.
    expect(localDateIn('Pacific/Auckland', at('2026-03-14T10:30:00Z'))).toBe('2026-03-14');
    // 11:30Z is 00:30 NZDT the next day, while UTC still says the 14th.
    expect(localDateIn('Pacific/Auckland', at('2026-03-14T11:30:00Z'))).toBe('2026-03-15');
    expect(localDateIn('UTC', at('2026-03-14T11:30:00Z'))).toBe('2026-03-14');
    // West of UTC, the local date lags: 03:00Z on the 15th is still the 14th in New York.
    expect(localDateIn('America/New_York', at('2026-03-15T03:00:00Z'))).toBe('2026-03-14');
  });

  it('puts check-ins at 23:30 and at 00:30 the next day (Auckland local time) on two different local dates', () => {
    const lateEvening = localDateIn('Pacific/Auckland', at('2026-03-14T10:30:00Z')); // 23:30 NZDT
    const justAfterMidnight = localDateIn('Pacific/Auckland', at('2026-03-14T11:30:00Z')); // 00:30 NZDT
    expect(lateEvening).not.toBe(justAfterMidnight);
    expect(daysBetween(lateEvening, justAfterMidnight)).toBe(1);
  });

  it('follows Auckland out of daylight saving (UTC+13 → UTC+12 on 5 April 2026)', () => {
    expect(localDateIn('Pacific/Auckland', at('2026-04-04T10:59:00Z'))).toBe('2026-04-04'); // 23:59 NZDT
    expect(localDateIn('Pacific/Auckland', at('2026-04-04T11:00:00Z'))).toBe('2026-04-05'); // 00:00 NZDT
    // After the change the offset is +12: 11:30Z is 23:30 on the 5th (at +13 it would be the 6th).
    expect(localDateIn('Pacific/Auckland', at('2026-04-05T11:30:00Z'))).toBe('2026-04-05');
    expect(localDateIn('Pacific/Auckland', at('2026-04-05T12:00:00Z'))).toBe('2026-04-06');
  });

  it('follows Auckland into daylight saving (UTC+12 → UTC+13 on 27 September 2026)', () => {
    expect(localDateIn('Pacific/Auckland', at('2026-09-26T11:30:00Z'))).toBe('2026-09-26'); // 23:30 NZST
    expect(localDateIn('Pacific/Auckland', at('2026-09-27T11:30:00Z'))).toBe('2026-09-28'); // 00:30 NZDT
  });

  it('follows New York and London into summer time', () => {
    expect(localDateIn('America/New_York', at('2026-03-08T04:30:00Z'))).toBe('2026-03-07'); // 23:30 EST
    expect(localDateIn('America/New_York', at('2026-03-09T04:30:00Z'))).toBe('2026-03-09'); // 00:30 EDT (EST would say the 8th)
    expect(localDateIn('Europe/London', at('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // 23:30 GMT
    expect(localDateIn('Europe/London', at('2026-03-29T23:30:00Z'))).toBe('2026-03-30'); // 00:30 BST
  });

  it('handles zones with a non-whole-hour offset', () => {
    expect(localDateIn('Asia/Kolkata', at('2026-06-30T18:29:00Z'))).toBe('2026-06-30'); // 23:59 IST
    expect(localDateIn('Asia/Kolkata', at('2026-06-30T18:30:00Z'))).toBe('2026-07-01'); // 00:00 IST
  });

  it('returns a valid YYYY-MM-DD local date', () => {
    const today = localDateIn('Europe/London');
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isLocalDate(today)).toBe(true);
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2026-03-09', 1], // Monday
    ['2026-03-10', 2],
    ['2026-03-11', 3],
    ['2026-03-12', 4],
    ['2026-03-13', 5],
    ['2026-03-14', 6], // Saturday
    ['2026-03-15', 7], // Sunday is 7, not 0
    ['2024-02-29', 4], // leap day
    ['2027-01-01', 5],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('refuses something that is not a local date', () => {
    expect(() => isoWeekday('2026-02-30')).toThrow(RangeError);
    expect(() => isoWeekday('14/03/2026')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-14', 0, '2026-03-14'],
    ['2026-03-14', -10, '2026-03-04'],
    ['2026-12-25', 14, '2027-01-08'],
  ])('%s %+i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('is not shifted by a DST change (calendar days, not 24-hour periods)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-04-04', 1)).toBe('2026-04-05');
  });

  it('round-trips with daysBetween', () => {
    expect(daysBetween('2025-12-20', addDays('2025-12-20', 45))).toBe(45);
    expect(daysBetween('2026-03-14', '2026-03-13')).toBe(-1);
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/London', 'Pacific/Auckland', 'America/New_York', 'UTC', 'Asia/Kolkata'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each([['Mars/Olympus_Mons'], [''], ['Europe/Londn'], ['not a zone'], [`Europe/${'x'.repeat(70)}`]])('rejects %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('describeDays', () => {
  it.each<[number[], string]>([
    [[1, 2, 3, 4, 5, 6, 7], 'Every day'],
    [[7, 6, 5, 4, 3, 2, 1], 'Every day'],
    [[1, 2, 3, 4, 5], 'Weekdays'],
    [[5, 4, 3, 2, 1, 1], 'Weekdays'],
    [[1, 3, 5], 'Mon, Wed, Fri'],
    [[5, 1, 3], 'Mon, Wed, Fri'],
    [[6, 7], 'Sat, Sun'],
    [[2, 2], 'Tue'],
    [[1, 2, 3, 4, 5, 6], 'Mon, Tue, Wed, Thu, Fri, Sat'],
  ])('%j → %s', (days, expected) => {
    expect(describeDays(days)).toBe(expected);
  });
});

describe('formatLocalDate', () => {
  it('formats a calendar date the same whatever zone the server runs in, with the default and custom options', () => {
    expect(formatLocalDate('2026-11-24')).toBe('Tue 24 Nov');
    expect(formatLocalDate('2026-11-24', { day: 'numeric', month: 'short' })).toBe('24 Nov');
    expect(formatLocalDate('2026-11-24', { day: 'numeric', month: 'short', year: 'numeric' })).toBe('24 Nov 2026');
  });

  it('keeps formats apart in its cache: the same date under other options is formatted anew, not served from the first', () => {
    const options = [undefined, { day: 'numeric', month: 'short' }, { weekday: 'long' }, { day: 'numeric', month: 'short' }] as const;
    const seen = options.map((o) => formatLocalDate('2027-03-01', o));
    expect(seen).toEqual(['Mon 1 Mar', '1 Mar', 'Monday', '1 Mar']);
    // And again in the other order, now that every entry is cached.
    expect([...options].reverse().map((o) => formatLocalDate('2027-03-01', o))).toEqual(['1 Mar', 'Monday', '1 Mar', 'Mon 1 Mar']);
  });

  it('still refuses a date that does not exist', () => {
    expect(() => formatLocalDate('2026-02-30')).toThrow(RangeError);
  });
});
