import { describe, expect, it } from 'vitest';
import { formatCountdown, IDLE_MS, isWorthSyncing, phaseAt, spokenCountdown, toLocalEnds, WARN_BEFORE_MS } from './idle-timing';

const T = Date.parse('2026-03-02T10:00:00.000Z');
const MIN = 60_000;

describe('toLocalEnds', () => {
  const body = { idleExpiresAt: '2026-03-02T10:30:00.000Z', absoluteExpiresAt: '2026-03-02T20:00:00.000Z' };

  it('keeps the server times when both clocks agree', () => {
    expect(toLocalEnds(body, new Date(T).toUTCString(), T)).toEqual({ idleAt: T + 30 * MIN, absoluteAt: T + 10 * 60 * MIN });
  });

  it('shifts them by the difference when this device runs 5 minutes fast', () => {
    const ends = toLocalEnds(body, new Date(T).toUTCString(), T + 5 * MIN);
    expect(ends.idleAt - (T + 5 * MIN)).toBe(30 * MIN);
  });

  it('falls back to the device clock without a usable Date header', () => {
    expect(toLocalEnds(body, null, T + 5 * MIN).idleAt).toBe(T + 30 * MIN);
    expect(toLocalEnds(body, 'not a date', T).idleAt).toBe(T + 30 * MIN);
  });
});

describe('phaseAt', () => {
  const ends = { idleAt: T + 30 * MIN, absoluteAt: T + 12 * 60 * MIN };

  it('is active until 2 minutes before the idle end, then warns with the time left', () => {
    expect(phaseAt(ends, T + 28 * MIN - 1)).toEqual({ phase: 'active' });
    expect(phaseAt(ends, T + 28 * MIN)).toEqual({ phase: 'warning', remainingMs: WARN_BEFORE_MS });
    expect(phaseAt(ends, T + 29.5 * MIN)).toEqual({ phase: 'warning', remainingMs: 0.5 * MIN });
  });

  it('ends (idle) a second after the idle end, once the server has certainly refused the session', () => {
    expect(phaseAt(ends, T + 30 * MIN)).toEqual({ phase: 'warning', remainingMs: 0 });
    expect(phaseAt(ends, T + 30 * MIN + 1000)).toEqual({ phase: 'ended', reason: 'idle' });
  });

  it('does not offer "Stay signed in" when the 12-hour limit comes first, and ends with reason limit', () => {
    const nearLimit = { idleAt: T + 30 * MIN, absoluteAt: T + 29 * MIN };
    expect(phaseAt(nearLimit, T + 28.5 * MIN)).toEqual({ phase: 'active' });
    expect(phaseAt(nearLimit, T + 29 * MIN + 1000)).toEqual({ phase: 'ended', reason: 'limit' });
  });
});

describe('isWorthSyncing', () => {
  it('asks the server when nothing is known, or once the known end is over a minute old', () => {
    expect(isWorthSyncing(null, T)).toBe(true);
    expect(isWorthSyncing({ idleAt: T + IDLE_MS - 30_000, absoluteAt: T + 12 * 60 * MIN }, T)).toBe(false);
    expect(isWorthSyncing({ idleAt: T + IDLE_MS - 61_000, absoluteAt: T + 12 * 60 * MIN }, T)).toBe(true);
  });
});

describe('countdown text', () => {
  it('shows m:ss rounded up', () => {
    expect(formatCountdown(2 * MIN)).toBe('2:00');
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(64_001)).toBe('1:05');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('speaks in 30-second steps', () => {
    expect(spokenCountdown(2 * MIN)).toBe('Signing out in 2 minutes.');
    expect(spokenCountdown(95_000)).toBe('Signing out in 2 minutes.');
    expect(spokenCountdown(89_000)).toBe('Signing out in 1 minute 30 seconds.');
    expect(spokenCountdown(20_000)).toBe('Signing out in 30 seconds.');
    expect(spokenCountdown(0)).toBe('Signing out in a moment.');
  });
});
