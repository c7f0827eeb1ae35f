import { describe, expect, it } from 'vitest';
import { monitoringDates, monitoringDays, monitoringTier } from './monitoring';

const TODAY = '2025-11-30';
const d = (localDate: string) => ({ localDate });

describe('monitoringDays', () => {
  it('counts local days with any log or check-in in the 30 days ending today, each day once', () => {
    const logs = [d('2025-11-01'), d('2025-11-01'), d('2025-11-15'), d('2025-10-31'), d('2025-12-01')];
    const checkIns = [d('2025-11-15'), d('2025-11-30'), d('2025-11-20')];
    // 2025-11-01 is the first day of the window (30 days ending the 30th); 31 Oct and 1 Dec are outside.
    expect(monitoringDates(logs, checkIns, TODAY)).toEqual(['2025-11-01', '2025-11-15', '2025-11-20', '2025-11-30']);
    expect(monitoringDays(logs, checkIns, TODAY)).toBe(4);
  });

  it('is 0 with no data', () => {
    expect(monitoringDays([], [], TODAY)).toBe(0);
  });
});

describe('monitoringTier', () => {
  it.each([
    [0, 'under 2'],
    [1, 'under 2'],
    [2, '2–15'],
    [15, '2–15'],
    [16, '16+'],
    [30, '16+'],
  ] as const)('%d days → %s', (days, tier) => {
    expect(monitoringTier(days)).toBe(tier);
  });
});
