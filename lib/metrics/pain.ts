// Pain numbers: design.md "Definitions" → Pain baseline, Current pain, Meaningful change; "Charts" pain lines.
// Means are returned unrounded; rounding is for display only, so thresholds never flip on rounding.
import { addDays, type LocalDate } from '@/lib/dates';
import type { CheckInFact, LogFact } from './types';

export const BASELINE_CHECK_INS = 3;
export const CURRENT_PAIN_DAYS = 7;
/** Minimal clinically important difference for the 0–10 NPRS in low back pain. */
export const MCID_POINTS = 2;
export const MCID_FRACTION = 0.3;
/** Means of integers compared with thresholds: absorb binary floating-point error. */
const EPSILON = 1e-9;

export type PainTrend = 'improving' | 'worsening' | 'stable';

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Design "Pain baseline": mean of the first 3 check-ins on or after the plan start (fewer if fewer; null if none). */
export function painBaseline(checkIns: readonly CheckInFact[], planStart: LocalDate): number | null {
  const first = checkIns
    .filter((c) => c.localDate >= planStart)
    .sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0))
    .slice(0, BASELINE_CHECK_INS);
  return mean(first.map((c) => c.pain));
}

/** Design "Current pain": mean of the check-ins in the 7 local days ending today (null if none). */
export function currentPain(checkIns: readonly CheckInFact[], today: LocalDate): number | null {
  const from = addDays(today, 1 - CURRENT_PAIN_DAYS);
  return mean(checkIns.filter((c) => c.localDate >= from && c.localDate <= today).map((c) => c.pain));
}

/**
 * Design "Meaningful change": a drop of ≥ 2 points or ≥ 30 % of baseline is improving (a drop of
 * 0 is never improving, even from a baseline of 0); a rise of ≥ 2 points is worsening; else stable.
 */
export function meaningfulChange(baseline: number | null, current: number | null): PainTrend | null {
  if (baseline === null || current === null) return null;
  const drop = baseline - current;
  if (drop > EPSILON && (drop >= MCID_POINTS - EPSILON || drop >= MCID_FRACTION * baseline - EPSILON)) return 'improving';
  if (-drop >= MCID_POINTS - EPSILON) return 'worsening';
  return 'stable';
}

export type PainPoint = {
  date: LocalDate;
  /** That day's check-in, or null when there was none. */
  pain: number | null;
  /** Mean of the check-ins in the 7 local days ending this day (trailing), or null when there were none. */
  mean7: number | null;
};

/** Design "daily pain line with its 7-day mean", one point per day in [from, to]. */
export function dailyPainSeries(checkIns: readonly CheckInFact[], from: LocalDate, to: LocalDate): PainPoint[] {
  const byDay = new Map<LocalDate, number>();
  for (const c of checkIns) byDay.set(c.localDate, c.pain);
  const out: PainPoint[] = [];
  // Sliding window of the last 7 days: add the new day, drop the one that falls out.
  let sum = 0;
  let count = 0;
  for (let day = addDays(from, 1 - CURRENT_PAIN_DAYS); day < from; day = addDays(day, 1)) {
    const p = byDay.get(day);
    if (p !== undefined) {
      sum += p;
      count++;
    }
  }
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const p = byDay.get(day);
    if (p !== undefined) {
      sum += p;
      count++;
    }
    out.push({ date: day, pain: p ?? null, mean7: count > 0 ? sum / count : null });
    const leaving = byDay.get(addDays(day, 1 - CURRENT_PAIN_DAYS));
    if (leaving !== undefined) {
      sum -= leaving;
      count--;
    }
  }
  return out;
}

export type PainAroundSessions = {
  /** Sessions that recorded both pain before and pain after (only those are compared). */
  sessions: number;
  before: number | null;
  after: number | null;
  /** after − before; negative means stretching eased the pain. */
  change: number | null;
};

const isPaired = (l: Pick<LogFact, 'painBefore' | 'painAfter'>): l is { painBefore: number; painAfter: number } => l.painBefore !== null && l.painAfter !== null;

/** Design "pain before vs after sessions": means over sessions with both values, so the two means compare like with like. */
export function painAroundSessions(logs: readonly Pick<LogFact, 'painBefore' | 'painAfter'>[]): PainAroundSessions {
  const paired = logs.filter(isPaired);
  const before = mean(paired.map((l) => l.painBefore));
  const after = mean(paired.map((l) => l.painAfter));
  return { sessions: paired.length, before, after, change: before === null || after === null ? null : after - before };
}

/** The same, one row per local day that has a paired session, oldest first. */
export function painAroundSessionsByDay(logs: readonly LogFact[]): (PainAroundSessions & { date: LocalDate })[] {
  const byDay = new Map<LocalDate, LogFact[]>();
  for (const log of logs) {
    if (!isPaired(log)) continue;
    const list = byDay.get(log.localDate);
    if (list) list.push(log);
    else byDay.set(log.localDate, [log]);
  }
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, dayLogs]) => ({ date, ...painAroundSessions(dayLogs) }));
}
