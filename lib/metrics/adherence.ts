// Expected sessions and adherence: design.md "Definitions" → Expected sessions, Adherence.
import { addDays, isoWeekday, type LocalDate } from '@/lib/dates';
import type { LogFact, PlanHistory, PlanItemSchedule, PlanStatusChange } from './types';

type Dated = { effectiveDate: LocalDate };

/**
 * "Which entry is in force on a day": the last entry in array order whose effective date is on or
 * before the day (see PlanHistory). Sorted once, then a binary search per lookup.
 */
function inForceResolver<T extends Dated>(entries: readonly T[]): (day: LocalDate) => T | undefined {
  const order = entries.map((entry, index) => ({ entry, index })).sort((a, b) => (a.entry.effectiveDate < b.entry.effectiveDate ? -1 : a.entry.effectiveDate > b.entry.effectiveDate ? 1 : a.index - b.index));
  const dates = order.map((o) => o.entry.effectiveDate);
  // winner[k] = the latest-made entry among the k+1 earliest-dated ones.
  const winner: T[] = [];
  let best: { entry: T; index: number } | undefined;
  for (const o of order) {
    if (!best || o.index > best.index) best = o;
    winner.push(best.entry);
  }
  return (day) => {
    let lo = 0;
    let hi = dates.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((dates[mid] ?? '') <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? undefined : winner[found];
  };
}

export type ScheduledItem = { itemKey: string; expected: number };

/** A plan compiled once for many day lookups. */
export type Schedule = {
  startDate: LocalDate;
  endDate: LocalDate | null;
  /** Items with expected sessions > 0 on `day` (empty when the plan is not active that day). */
  itemsOn(day: LocalDate): readonly ScheduledItem[];
};

type CompiledItem = { itemKey: string; sessionsPerDay: number; weekdays: ReadonlySet<number> };

function compileItems(items: readonly PlanItemSchedule[]): CompiledItem[] {
  const byKey = new Map<string, CompiledItem>();
  for (const item of items) byKey.set(item.itemKey, { itemKey: item.itemKey, sessionsPerDay: item.sessionsPerDay, weekdays: new Set(item.daysOfWeek) });
  return [...byKey.values()];
}

/** The plan's status on a day; with no status entry yet it is active (the plans.status default). */
export function planStatusOn(plan: Pick<PlanHistory, 'statusChanges'>, day: LocalDate): PlanStatusChange['status'] {
  return inForceResolver(plan.statusChanges)(day)?.status ?? 'active';
}

/** Design "Expected sessions": active, within start/end, item in the revision in force, day on its schedule. */
export function compileSchedule(plan: PlanHistory): Schedule {
  const statusOn = inForceResolver(plan.statusChanges);
  const revisions = plan.revisions.map((r) => ({ effectiveDate: r.effectiveDate, items: compileItems(r.items) }));
  const revisionOn = inForceResolver(revisions);
  const { startDate, endDate } = plan;
  return {
    startDate,
    endDate,
    itemsOn(day) {
      if (day < startDate || (endDate !== null && day > endDate)) return [];
      if ((statusOn(day)?.status ?? 'active') !== 'active') return [];
      const revision = revisionOn(day);
      if (!revision) return [];
      const weekday = isoWeekday(day);
      const out: ScheduledItem[] = [];
      for (const item of revision.items) if (item.sessionsPerDay > 0 && item.weekdays.has(weekday)) out.push({ itemKey: item.itemKey, expected: item.sessionsPerDay });
      return out;
    },
  };
}

/** Design "Expected sessions" for one item on one day. */
export function expectedSessions(plan: PlanHistory, itemKey: string, day: LocalDate): number {
  return compileSchedule(plan).itemsOn(day).find((i) => i.itemKey === itemKey)?.expected ?? 0;
}

/** Calls `visit` for each day in [from, to] (inclusive) that can have expected sessions, in order. */
function forEachPlanDay(schedule: Schedule, from: LocalDate, to: LocalDate, visit: (day: LocalDate, items: readonly ScheduledItem[]) => void): void {
  const first = from < schedule.startDate ? schedule.startDate : from;
  const last = schedule.endDate !== null && schedule.endDate < to ? schedule.endDate : to;
  for (let day = first; day <= last; day = addDays(day, 1)) visit(day, schedule.itemsOn(day));
}

export type ItemDay = { itemKey: string; day: LocalDate; expected: number };

/** Every item-day in [from, to] with expected sessions > 0 (item-days with 0 expected add nothing to adherence). */
export function itemDays(plan: PlanHistory | Schedule, from: LocalDate, to: LocalDate): ItemDay[] {
  const out: ItemDay[] = [];
  forEachPlanDay(toSchedule(plan), from, to, (day, items) => {
    for (const item of items) out.push({ itemKey: item.itemKey, day, expected: item.expected });
  });
  return out;
}

/** Days in [from, to] with at least one expected session ("scheduled days"). */
export function scheduledDays(plan: PlanHistory | Schedule, from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  forEachPlanDay(toSchedule(plan), from, to, (day, items) => {
    if (items.length > 0) out.push(day);
  });
  return out;
}

function toSchedule(plan: PlanHistory | Schedule): Schedule {
  return 'itemsOn' in plan ? plan : compileSchedule(plan);
}

/** Sessions logged per item and local day, built once per call: key `itemKey|day`. */
export type LogCounts = ReadonlyMap<string, number>;

const countKey = (itemKey: string, day: LocalDate) => `${itemKey}|${day}`;

export function countLogs(logs: readonly Pick<LogFact, 'itemKey' | 'localDate'>[]): LogCounts {
  const counts = new Map<string, number>();
  for (const log of logs) {
    const key = countKey(log.itemKey, log.localDate);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** `done` counts at most `expected` per item-day, so extra sessions never hide missed ones. */
export type AdherenceTally = { done: number; expected: number; value: number | null };

/** Design "Adherence": Σ min(done, expected) / Σ expected; null ("no data") when nothing was expected. */
export function ratio(done: number, expected: number): number | null {
  return expected > 0 ? done / expected : null;
}

/** Design "Adherence" over [from, to] for an already compiled plan and counted logs (reuse both across windows). */
export function tallySchedule(schedule: Schedule, counts: LogCounts, from: LocalDate, to: LocalDate): AdherenceTally {
  let done = 0;
  let expected = 0;
  forEachPlanDay(schedule, from, to, (day, items) => {
    for (const item of items) {
      expected += item.expected;
      done += Math.min(counts.get(countKey(item.itemKey, day)) ?? 0, item.expected);
    }
  });
  return { done, expected, value: ratio(done, expected) };
}

/** Design "Adherence" over [from, to] (inclusive), with the sums behind it. */
export function adherenceTally(plan: PlanHistory, logs: readonly LogFact[], from: LocalDate, to: LocalDate): AdherenceTally {
  return tallySchedule(compileSchedule(plan), countLogs(logs), from, to);
}

/** Design "Adherence" over [from, to] (inclusive): a fraction in [0, 1], or null for "no data". */
export function adherence(plan: PlanHistory, logs: readonly LogFact[], from: LocalDate, to: LocalDate): number | null {
  return adherenceTally(plan, logs, from, to).value;
}

export type DayWindow = { from: LocalDate; to: LocalDate };

/** Design "Windows": the `days` whole local days up to yesterday (today is shown apart). */
export function adherenceWindow(today: LocalDate, days: number): DayWindow {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`A window needs a whole number of days ≥ 1, got ${days}`);
  return { from: addDays(today, -days), to: addDays(today, -1) };
}

/** Design "today so far": today's done (capped per item) against today's expected, never mixed into windows. */
export function todaySoFar(plan: PlanHistory, logs: readonly LogFact[], today: LocalDate): AdherenceTally {
  return tallySchedule(compileSchedule(plan), countLogs(logs.filter((l) => l.localDate === today)), today, today);
}

export type WeekAdherence = AdherenceTally & {
  /** Monday of the ISO week. */
  weekStart: LocalDate;
  from: LocalDate;
  /** Sunday, or yesterday for the current week (whole days only). */
  to: LocalDate;
  isPartial: boolean;
};

/**
 * Design "weeks on a chart": the last `weeks` ISO weeks (Monday–Sunday), oldest first, ending with the
 * week that holds yesterday; that week counts only the whole days up to yesterday.
 */
export function weeklyAdherence(plan: PlanHistory, logs: readonly LogFact[], today: LocalDate, weeks: number): WeekAdherence[] {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weeks must be a whole number ≥ 1, got ${weeks}`);
  const schedule = compileSchedule(plan);
  const counts = countLogs(logs);
  const yesterday = addDays(today, -1);
  const lastMonday = addDays(yesterday, 1 - isoWeekday(yesterday));
  const out: WeekAdherence[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const weekStart = addDays(lastMonday, -7 * w);
    const sunday = addDays(weekStart, 6);
    const to = sunday < yesterday ? sunday : yesterday;
    out.push({ weekStart, from: weekStart, to, isPartial: to !== sunday, ...tallySchedule(schedule, counts, weekStart, to) });
  }
  return out;
}

export type ItemAdherence = AdherenceTally & { itemKey: string };

/**
 * Design "per exercise adherence" over [from, to]: one row per item key that appears in any revision
 * (first appearance order); `value` is null for an item with nothing expected in the window.
 */
export function perItemAdherence(plan: PlanHistory, logs: readonly LogFact[], from: LocalDate, to: LocalDate): ItemAdherence[] {
  const rows = new Map<string, ItemAdherence>();
  for (const revision of plan.revisions) for (const item of revision.items) if (!rows.has(item.itemKey)) rows.set(item.itemKey, { itemKey: item.itemKey, done: 0, expected: 0, value: null });
  const counts = countLogs(logs);
  forEachPlanDay(compileSchedule(plan), from, to, (day, items) => {
    for (const item of items) {
      const row = rows.get(item.itemKey);
      if (!row) continue;
      row.expected += item.expected;
      row.done += Math.min(counts.get(countKey(item.itemKey, day)) ?? 0, item.expected);
    }
  });
  return [...rows.values()].map((row) => ({ ...row, value: ratio(row.done, row.expected) }));
}
