import { describe, expect, it } from 'vitest';
import { currentPain, dailyPainSeries, meaningfulChange, mean, painAroundSessions, painAroundSessionsByDay, painBaseline } from './pain';
import type { CheckInFact, LogFact } from './types';

const ci = (localDate: string, pain: number, redFlags: string[] = []): CheckInFact => ({ localDate, pain, redFlags });
const session = (localDate: string, painBefore: number | null, painAfter: number | null): LogFact => ({ itemKey: 'a', localDate, painBefore, painAfter });

describe('painBaseline', () => {
  it('is the mean of the first 3 check-ins on or after the plan start, whatever the input order', () => {
    const checkIns = [ci('2025-11-09', 1), ci('2025-11-02', 9), ci('2025-11-04', 5), ci('2025-11-03', 6), ci('2025-11-07', 7)];
    expect(painBaseline(checkIns, '2025-11-03')).toBe(6); // 6, 5, 7
  });

  it('uses fewer when fewer exist, and is null with none', () => {
    expect(painBaseline([ci('2025-11-05', 4), ci('2025-11-06', 5)], '2025-11-03')).toBe(4.5);
    expect(painBaseline([ci('2025-11-01', 4)], '2025-11-03')).toBeNull();
    expect(painBaseline([], '2025-11-03')).toBeNull();
  });
});

describe('currentPain', () => {
  it('is the mean of the check-ins in the 7 local days ending today', () => {
    const checkIns = [ci('2025-11-03', 10), ci('2025-11-04', 2), ci('2025-11-10', 4), ci('2025-11-11', 9)];
    // Window 2025-11-04 … 2025-11-10: 2 and 4; the 3rd is a day too early, the 11th is after today.
    expect(currentPain(checkIns, '2025-11-10')).toBe(3);
  });

  it('is null with no check-in in the window', () => {
    expect(currentPain([ci('2025-10-01', 5)], '2025-11-10')).toBeNull();
  });
});

describe('meaningfulChange', () => {
  it.each([
    [6, 4, 'improving'], // drop of 2 points
    [3, 2.1, 'improving'], // drop of 30 % (0.9 of 3)
    [10, 7, 'improving'], // 3 points, 30 %
    [3, 2.2, 'stable'], // 0.8 is under 2 points and under 30 %
    [8, 6.1, 'stable'], // 1.9 points, 23.75 %
    [4, 6, 'worsening'], // rise of 2 points
    [4, 5.9, 'stable'],
    [0, 0, 'stable'], // no drop is never "improving", even from 0
    [0, 2, 'worsening'],
    [5, 5, 'stable'],
  ] as const)('baseline %d, current %d → %s', (baseline, current, trend) => {
    expect(meaningfulChange(baseline, current)).toBe(trend);
  });

  it('meets thresholds exactly despite floating point (means of whole numbers)', () => {
    // Baseline 20/3, current 14/3: a drop of exactly 2.
    expect(meaningfulChange(20 / 3, 14 / 3)).toBe('improving');
    expect(meaningfulChange(14 / 3, 20 / 3)).toBe('worsening');
    // Baseline 10/3, current 7/3: a drop of exactly 30 % (1 point).
    expect(meaningfulChange(5 / 3, 11 / 3)).toBe('worsening'); // 11/3 − 5/3 is 1.9999999999999998 in binary
    expect(meaningfulChange(10 / 3, 7 / 3)).toBe('improving');
  });

  it('is null when either is missing', () => {
    expect(meaningfulChange(null, 3)).toBeNull();
    expect(meaningfulChange(3, null)).toBeNull();
  });
});

describe('dailyPainSeries', () => {
  it('gives each day its check-in and the trailing 7-day mean, using days before the range', () => {
    const checkIns = [ci('2025-11-01', 8), ci('2025-11-05', 4), ci('2025-11-08', 2)];
    const series = dailyPainSeries(checkIns, '2025-11-06', '2025-11-09');
    expect(series).toEqual([
      { date: '2025-11-06', pain: null, mean7: 6 }, // 31 Oct–6 Nov: 8, 4
      { date: '2025-11-07', pain: null, mean7: 6 }, // 1–7 Nov: 8, 4
      { date: '2025-11-08', pain: 2, mean7: 3 }, // 2–8 Nov: 4, 2
      { date: '2025-11-09', pain: null, mean7: 3 },
    ]);
  });

  it('is null where the last 7 days have no check-in', () => {
    expect(dailyPainSeries([], '2025-11-06', '2025-11-06')).toEqual([{ date: '2025-11-06', pain: null, mean7: null }]);
  });
});

describe('painAroundSessions', () => {
  it('compares before and after over sessions that recorded both', () => {
    const logs = [session('2025-11-04', 6, 4), session('2025-11-04', 4, 3), session('2025-11-03', 5, null), session('2025-11-03', null, 1)];
    expect(painAroundSessions(logs)).toEqual({ sessions: 2, before: 5, after: 3.5, change: -1.5 });
    expect(painAroundSessionsByDay(logs)).toEqual([{ date: '2025-11-04', sessions: 2, before: 5, after: 3.5, change: -1.5 }]);
  });

  it('is "no data" without paired sessions', () => {
    expect(painAroundSessions([session('2025-11-04', 3, null)])).toEqual({ sessions: 0, before: null, after: null, change: null });
  });

  it('mean of nothing is null', () => {
    expect(mean([])).toBeNull();
  });
});
