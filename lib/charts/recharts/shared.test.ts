import { describe, expect, it } from 'vitest';
import { tickInterval } from './shared';

/** The tick indexes recharts keeps for a numeric interval: 0, interval + 1, 2 (interval + 1), … */
const shown = (count: number, interval: number) => Array.from({ length: count }, (_, i) => i).filter((i) => i % (interval + 1) === 0);

describe('tickInterval', () => {
  it('shows every label when they all fit', () => {
    expect(tickInterval(6, 600, 6)).toBe(0);
  });

  it('thins labels on a phone so that they never touch: a 7-character label needs about 60 px', () => {
    const interval = tickInterval(30, 300, 7);
    const labels = shown(30, interval).length;
    expect(labels * (7 * 6.6 + 14)).toBeLessThanOrEqual(300);
    expect(labels).toBeGreaterThanOrEqual(2);
  });

  it('never shows more than the maximum, however wide the chart', () => {
    expect(shown(365, tickInterval(365, 5000, 6, 8)).length).toBeLessThanOrEqual(8);
  });

  it('keeps at least two labels even in a box too narrow to measure (width 0 before the first resize)', () => {
    expect(shown(52, tickInterval(52, 0, 7)).length).toBeGreaterThanOrEqual(2);
    expect(tickInterval(1, 0, 7)).toBe(0);
  });
});
