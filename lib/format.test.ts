import { describe, expect, it } from 'vitest';
import type { Side } from '@/db/schema/enums';
import { describeDosage, describeLastActivity } from './format';

describe('describeDosage', () => {
  it.each<[string, { sets: number; reps: number; holdSeconds: number; side: Side }, string]>([
    ['sets × reps, hold, both sides', { sets: 2, reps: 3, holdSeconds: 30, side: 'both' }, '2 sets × 3 reps, hold 30 s, each side'],
    ['one rep: sets only', { sets: 2, reps: 1, holdSeconds: 30, side: 'both' }, '2 sets, hold 30 s, each side'],
    ['singular set', { sets: 1, reps: 1, holdSeconds: 0, side: 'none' }, '1 set'],
    ['singular set with reps', { sets: 1, reps: 10, holdSeconds: 0, side: 'none' }, '1 set × 10 reps'],
    ['no hold, no side', { sets: 3, reps: 8, holdSeconds: 0, side: 'none' }, '3 sets × 8 reps'],
    ['left side', { sets: 2, reps: 1, holdSeconds: 45, side: 'left' }, '2 sets, hold 45 s, left side'],
    ['right side', { sets: 2, reps: 5, holdSeconds: 0, side: 'right' }, '2 sets × 5 reps, right side'],
  ])('%s', (_name, dosage, expected) => {
    expect(describeDosage(dosage)).toBe(expected);
  });
});

describe('describeLastActivity', () => {
  const today = '2026-03-14';
  it.each<[string | null, string]>([
    [null, 'No activity yet'],
    ['2026-03-14', 'Today'],
    ['2026-03-15', 'Today'], // a patient ahead of the viewer's clock is not "in the future"
    ['2026-03-13', 'Yesterday'],
    ['2026-03-12', '2 days ago'],
    ['2026-03-01', '13 days ago'],
    ['2026-02-28', '28 Feb 2026'], // 14 days: a date
    ['2025-12-31', '31 Dec 2025'],
  ])('%s → %s', (last, expected) => {
    expect(describeLastActivity(last, today)).toBe(expected);
  });

  it('counts calendar days across a month and year boundary', () => {
    expect(describeLastActivity('2025-12-31', '2026-01-01')).toBe('Yesterday');
    expect(describeLastActivity('2026-02-27', '2026-03-02')).toBe('3 days ago');
  });
});
