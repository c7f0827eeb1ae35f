import { describe, expect, it } from 'vitest';
import { adherence, adherenceTally, adherenceWindow, expectedSessions, itemDays, perItemAdherence, planStatusOn, scheduledDays, todaySoFar, weeklyAdherence } from './adherence';
import type { LogFact, PlanHistory, PlanItemSchedule } from './types';

// 2025-11-03 is a Monday.
const MON = '2025-11-03';
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

const item = (itemKey: string, sessionsPerDay = 1, daysOfWeek: number[] = EVERY_DAY): PlanItemSchedule => ({ itemKey, sessionsPerDay, daysOfWeek });

function plan(overrides: Partial<PlanHistory> = {}): PlanHistory {
  return {
    startDate: MON,
    endDate: null,
    statusChanges: [{ status: 'active', effectiveDate: MON }],
    revisions: [{ effectiveDate: MON, items: [item('a')] }],
    ...overrides,
  };
}

const log = (itemKey: string, localDate: string, times = 1): LogFact[] => Array.from({ length: times }, () => ({ itemKey, localDate, painBefore: null, painAfter: null }));

describe('expectedSessions', () => {
  it('is sessions per day on a scheduled day of an active plan', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a', 2)] }] });
    expect(expectedSessions(p, 'a', '2025-11-05')).toBe(2);
  });

  it('is 0 for an item not in the plan, off-schedule weekdays, before the start and after the end', () => {
    const p = plan({ endDate: '2025-11-09', revisions: [{ effectiveDate: MON, items: [item('a', 1, [1, 3, 5])] }] });
    expect(expectedSessions(p, 'zzz', '2025-11-05')).toBe(0);
    expect(expectedSessions(p, 'a', '2025-11-04')).toBe(0); // Tuesday
    expect(expectedSessions(p, 'a', '2025-11-05')).toBe(1); // Wednesday
    expect(expectedSessions(p, 'a', '2025-10-31')).toBe(0); // Friday before the start
    expect(expectedSessions(p, 'a', '2025-11-07')).toBe(1); // Friday
    expect(expectedSessions(p, 'a', '2025-11-09')).toBe(0); // end date is a Sunday, not scheduled
    expect(expectedSessions(p, 'a', '2025-11-10')).toBe(0); // Monday after the end
  });

  it('counts the start date and the end date themselves', () => {
    const p = plan({ endDate: '2025-11-05' });
    expect(expectedSessions(p, 'a', MON)).toBe(1);
    expect(expectedSessions(p, 'a', '2025-11-05')).toBe(1);
    expect(expectedSessions(p, 'a', '2025-11-06')).toBe(0);
  });

  it('is 0 while paused, completed or archived, and back after a resume', () => {
    const p = plan({
      statusChanges: [
        { status: 'active', effectiveDate: MON },
        { status: 'paused', effectiveDate: '2025-11-05' },
        { status: 'active', effectiveDate: '2025-11-07' },
        { status: 'completed', effectiveDate: '2025-11-10' },
        { status: 'archived', effectiveDate: '2025-11-12' },
      ],
    });
    expect(['2025-11-04', '2025-11-05', '2025-11-06', '2025-11-07', '2025-11-10', '2025-11-12'].map((d) => expectedSessions(p, 'a', d))).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('treats a plan with no status history as active (the plans.status default)', () => {
    expect(expectedSessions(plan({ statusChanges: [] }), 'a', MON)).toBe(1);
    expect(planStatusOn({ statusChanges: [{ status: 'paused', effectiveDate: '2025-11-05' }] }, '2025-11-04')).toBe('active');
  });

  it('follows the revision in force on each day; a revision takes effect on its own date', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a'), item('b')] }, { effectiveDate: '2025-11-05', items: [item('b', 3), item('c')] }] });
    expect(['a', 'b', 'c'].map((k) => expectedSessions(p, k, '2025-11-04'))).toEqual([1, 1, 0]);
    expect(['a', 'b', 'c'].map((k) => expectedSessions(p, k, '2025-11-05'))).toEqual([0, 3, 1]);
  });

  it('uses the last of several revisions on the same day', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a')] }, { effectiveDate: MON, items: [item('b', 2)] }] });
    expect(expectedSessions(p, 'a', MON)).toBe(0);
    expect(expectedSessions(p, 'b', MON)).toBe(2);
  });

  it('lets a later-made revision with an earlier date override the earlier-made one from its date on', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a')] }, { effectiveDate: '2025-11-10', items: [item('b')] }, { effectiveDate: '2025-11-06', items: [item('c')] }] });
    expect(expectedSessions(p, 'a', '2025-11-05')).toBe(1);
    expect(expectedSessions(p, 'c', '2025-11-06')).toBe(1);
    expect(expectedSessions(p, 'c', '2025-11-12')).toBe(1);
    expect(expectedSessions(p, 'b', '2025-11-12')).toBe(0);
  });

  it('has nothing expected before the first revision takes effect', () => {
    const p = plan({ revisions: [{ effectiveDate: '2025-11-05', items: [item('a')] }] });
    expect(expectedSessions(p, 'a', '2025-11-04')).toBe(0);
    expect(expectedSessions(p, 'a', '2025-11-05')).toBe(1);
  });
});

describe('itemDays and scheduledDays', () => {
  it('list only item-days with sessions expected, in day order', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a', 2, [1, 3]), item('b', 1, [3])] }] });
    expect(itemDays(p, MON, '2025-11-09')).toEqual([
      { itemKey: 'a', day: MON, expected: 2 },
      { itemKey: 'a', day: '2025-11-05', expected: 2 },
      { itemKey: 'b', day: '2025-11-05', expected: 1 },
    ]);
    expect(scheduledDays(p, '2025-10-01', '2025-11-09')).toEqual([MON, '2025-11-05']);
  });

  it('give nothing for an empty or reversed window', () => {
    expect(itemDays(plan(), '2025-11-05', '2025-11-04')).toEqual([]);
  });
});

describe('adherence', () => {
  const week = { from: MON, to: '2025-11-09' };

  it('is done / expected over item-days', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a', 2)] }] });
    const logs = [...log('a', MON, 2), ...log('a', '2025-11-04')];
    expect(adherenceTally(p, logs, week.from, week.to)).toEqual({ done: 3, expected: 14, value: 3 / 14 });
  });

  it('never lets extra sessions hide missed ones', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a', 1), item('b', 1)] }] });
    // Five sessions of 'a' on Monday and none of 'b': 1 of 2, not 5 of 2 (or 100 %).
    expect(adherence(p, log('a', MON, 5), MON, MON)).toBe(0.5);
    // Extra sessions on Monday do not make up for Tuesday.
    expect(adherence(p, [...log('a', MON, 4), ...log('b', MON, 4)], MON, '2025-11-04')).toBe(0.5);
  });

  it('ignores logs for items not in force that day and logs on unscheduled days', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a', 1, [1])] }, { effectiveDate: '2025-11-04', items: [item('b', 1, [1, 2])] }] });
    const logs = [...log('a', '2025-11-04'), ...log('b', MON), ...log('x', MON), ...log('b', '2025-11-05')];
    expect(adherenceTally(p, logs, MON, '2025-11-05')).toEqual({ done: 0, expected: 2, value: 0 });
  });

  it('excludes paused days in the middle of the window', () => {
    const p = plan({
      statusChanges: [
        { status: 'active', effectiveDate: MON },
        { status: 'paused', effectiveDate: '2025-11-05' },
        { status: 'active', effectiveDate: '2025-11-08' },
      ],
    });
    const logs = [MON, '2025-11-04', '2025-11-08'].flatMap((d) => log('a', d));
    expect(adherenceTally(p, logs, week.from, week.to)).toEqual({ done: 3, expected: 4, value: 0.75 });
  });

  it('counts only scheduled weekdays', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a', 1, [1, 3, 5])] }] });
    const logs = [MON, '2025-11-04', '2025-11-06', '2025-11-07'].flatMap((d) => log('a', d));
    expect(adherenceTally(p, logs, week.from, week.to)).toEqual({ done: 2, expected: 3, value: 2 / 3 });
  });

  it('stops at the end date', () => {
    const p = plan({ endDate: '2025-11-04' });
    expect(adherenceTally(p, log('a', MON), week.from, week.to)).toEqual({ done: 1, expected: 2, value: 0.5 });
  });

  it('is null ("no data"), never 0 or 1, when nothing was expected', () => {
    expect(adherence(plan({ statusChanges: [{ status: 'paused', effectiveDate: MON }] }), log('a', MON), week.from, week.to)).toBeNull();
    expect(adherence(plan(), [], '2025-10-01', '2025-10-31')).toBeNull(); // before the start
    expect(adherence(plan({ revisions: [{ effectiveDate: MON, items: [item('a', 1, [6])] }] }), [], MON, '2025-11-07')).toBeNull();
    expect(adherence(plan({ revisions: [] }), [], week.from, week.to)).toBeNull();
    // Expected but nothing done is a real 0.
    expect(adherence(plan(), [], week.from, week.to)).toBe(0);
  });

  it('follows a revision made mid-window', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a', 1)] }, { effectiveDate: '2025-11-06', items: [item('a', 2)] }] });
    // Mon–Wed: 1 a day; Thu–Sun: 2 a day → 3 + 8 = 11 expected.
    const logs = [...log('a', MON, 2), ...log('a', '2025-11-06', 2)];
    expect(adherenceTally(p, logs, week.from, week.to)).toEqual({ done: 3, expected: 11, value: 3 / 11 });
  });
});

describe('adherenceWindow and todaySoFar', () => {
  it('is the whole days up to yesterday, today excluded', () => {
    expect(adherenceWindow('2025-11-10', 7)).toEqual({ from: MON, to: '2025-11-09' });
    expect(adherenceWindow('2025-03-01', 30)).toEqual({ from: '2025-01-30', to: '2025-02-28' });
    expect(() => adherenceWindow(MON, 0)).toThrow(RangeError);
    expect(() => adherenceWindow(MON, 1.5)).toThrow(RangeError);
  });

  it('gives a plan starting today "no data" for the window and today on its own', () => {
    const today = '2025-11-05';
    const p = plan({ startDate: today, statusChanges: [{ status: 'active', effectiveDate: today }], revisions: [{ effectiveDate: today, items: [item('a', 2), item('b', 1)] }] });
    const w = adherenceWindow(today, 7);
    expect(adherence(p, log('a', today), w.from, w.to)).toBeNull();
    expect(todaySoFar(p, [...log('a', today, 3), ...log('a', '2025-11-04')], today)).toEqual({ done: 2, expected: 3, value: 2 / 3 });
  });

  it('today so far is "no data" on an unscheduled day', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a', 1, [1])] }] });
    expect(todaySoFar(p, log('a', '2025-11-04'), '2025-11-04')).toEqual({ done: 0, expected: 0, value: null });
  });
});

describe('weeklyAdherence', () => {
  it('ends with the week holding yesterday, counting only whole days up to yesterday', () => {
    const p = plan({ startDate: '2025-10-29', statusChanges: [], revisions: [{ effectiveDate: '2025-10-29', items: [item('a')] }] });
    const logs = ['2025-10-29', '2025-10-30', MON, '2025-11-04', '2025-11-05'].flatMap((d) => log('a', d));
    // Wednesday 5 Nov: this week counts Mon–Tue only; today's log is not in it.
    const weeks = weeklyAdherence(p, logs, '2025-11-05', 3);
    expect(weeks.map((w) => [w.weekStart, w.from, w.to, w.isPartial, w.done, w.expected, w.value])).toEqual([
      ['2025-10-20', '2025-10-20', '2025-10-26', false, 0, 0, null],
      ['2025-10-27', '2025-10-27', '2025-11-02', false, 2, 5, 0.4],
      [MON, MON, '2025-11-04', true, 2, 2, 1],
    ]);
  });

  it('on a Monday the last bar is the whole previous week', () => {
    const weeks = weeklyAdherence(plan(), log('a', MON), '2025-11-10', 1);
    expect(weeks).toEqual([{ weekStart: MON, from: MON, to: '2025-11-09', isPartial: false, done: 1, expected: 7, value: 1 / 7 }]);
  });

  it('refuses a non-positive number of weeks', () => {
    expect(() => weeklyAdherence(plan(), [], MON, 0)).toThrow(RangeError);
  });
});

describe('perItemAdherence', () => {
  it('gives one row per item key across revisions, null for items with nothing expected', () => {
    const p = plan({ revisions: [{ effectiveDate: MON, items: [item('a', 2), item('b', 1, [7])] }, { effectiveDate: '2025-11-06', items: [item('c')] }] });
    const logs = [...log('a', MON, 3), ...log('b', MON), ...log('c', '2025-11-06')];
    expect(perItemAdherence(p, logs, MON, '2025-11-07')).toEqual([
      { itemKey: 'a', done: 2, expected: 6, value: 1 / 3 },
      { itemKey: 'b', done: 0, expected: 0, value: null },
      { itemKey: 'c', done: 1, expected: 2, value: 0.5 },
    ]);
  });
});

describe('performance', () => {
  it('handles a year of data for a 6-item plan quickly', () => {
    const start = '2025-01-01';
    const items = ['a', 'b', 'c', 'd', 'e', 'f'].map((k, i) => item(k, 1 + (i % 3), i % 2 ? [1, 3, 5] : EVERY_DAY));
    const p = plan({ startDate: start, statusChanges: [{ status: 'active', effectiveDate: start }], revisions: [{ effectiveDate: start, items }, { effectiveDate: '2025-06-01', items }] });
    const logs = itemDays(p, start, '2025-12-31').flatMap((d) => log(d.itemKey, d.day, d.expected));
    const t0 = performance.now();
    const value = adherence(p, logs, start, '2025-12-31');
    const elapsed = performance.now() - t0;
    expect(value).toBe(1);
    expect(elapsed).toBeLessThan(250);
  });
});
