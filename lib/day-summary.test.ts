import { describe, expect, it } from 'vitest';
import { summarizeDays } from './day-summary';

describe('summarizeDays', () => {
  const logs = [
    { localDate: '2026-11-24', painBefore: 6, painAfter: 4, difficulty: 'about_right' as const, note: null },
    { localDate: '2026-11-24', painBefore: 5, painAfter: null, difficulty: 'too_hard' as const, note: 'tight today' },
    { localDate: '2026-11-22', painBefore: 3, painAfter: 7, difficulty: null, note: null },
  ];
  const checkIns = [{ localDate: '2026-11-23', pain: 5, redFlags: ['fever' as const] }];
  const days = summarizeDays(logs, checkIns, '2026-11-24', 3);

  it('returns one row per day, newest first, including empty days', () => {
    expect(days.map((d) => d.localDate)).toEqual(['2026-11-24', '2026-11-23', '2026-11-22']);
    expect(days[1]?.sessions).toBe(0);
  });

  it('averages only the pain values that were recorded', () => {
    expect(days[0]?.painBefore).toBe(5.5);
    expect(days[0]?.painAfter).toBe(4);
    expect(days[1]?.painBefore).toBeNull();
  });

  it('counts too-hard sessions, sessions that hurt (after ≥ before + 3), notes, and check-in red flags', () => {
    expect(days[0]?.tooHard).toBe(1);
    expect(days[0]?.notes).toEqual(['tight today']);
    expect(days[2]?.hurt).toBe(1);
    expect(days[0]?.hurt).toBe(0);
    expect(days[1]?.checkInPain).toBe(5);
    expect(days[1]?.redFlags).toEqual(['fever']);
  });
});
