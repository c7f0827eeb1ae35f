// Property-based tests: every metric against a brute-force reference written here from the most literal
// reading of design.md "Definitions", on random plans, windows, logs and check-ins. The references
// share no code with lib/metrics or lib/dates: dates are whole-day offsets from a fixed epoch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RED_FLAGS } from '@/db/schema/enums';
import { adherence, adherenceTally, adherenceWindow, expectedSessions, itemDays, perItemAdherence, scheduledDays, todaySoFar, weeklyAdherence } from './adherence';
import { ALERT_ORDER, type AlertKind, alertsFor } from './alerts';
import { monitoringDays, monitoringTier } from './monitoring';
import { currentPain, dailyPainSeries, meaningfulChange, painAroundSessions, painBaseline, type PainTrend } from './pain';
import { readingTally } from './reading';
import type { CheckInFact, LogFact, PlanHistory, PlanStatusChange, ReadingFact } from './types';

const NUM_RUNS = 200;
const run = <T>(arb: fc.Arbitrary<T>, check: (value: T) => void) => fc.assert(fc.property(arb, check), { numRuns: NUM_RUNS });

// ---------- independent calendar: day offsets from 2024-12-20 (so windows cross a year end and February) ----------
const EPOCH = Date.UTC(2024, 11, 20);
const DAY_MS = 86_400_000;
const dayAt = (offset: number) => new Date(EPOCH + offset * DAY_MS).toISOString().slice(0, 10);
const offsetOf = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH) / DAY_MS);
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
const range = (fromOffset: number, toOffset: number) => Array.from({ length: Math.max(0, toOffset - fromOffset + 1) }, (_, i) => fromOffset + i);

// ---------- arbitraries ----------
const KEYS = ['a', 'b', 'c', 'd'] as const;
const LOG_KEYS = [...KEYS, 'not-in-plan'] as const;
const STATUSES: PlanStatusChange['status'][] = ['active', 'active', 'active', 'active', 'paused', 'paused', 'completed', 'archived'];

const weekdaysArb = fc.oneof({ arbitrary: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), weight: 9 }, { arbitrary: fc.constant([]), weight: 1 });
const itemArb = fc.record({ itemKey: fc.constantFrom(...KEYS), sessionsPerDay: fc.integer({ min: 1, max: 3 }), daysOfWeek: weekdaysArb });
/** Dates are drawn relative to the plan start (d = start + offset), so most cases overlap the plan. */
const revisionArb = fc.record({
  at: fc.integer({ min: -5, max: 50 }),
  items: fc.uniqueArray(itemArb, { selector: (i) => i.itemKey, minLength: 1, maxLength: 4 }),
});

const planArb: fc.Arbitrary<PlanHistory> = fc
  .record({
    start: fc.integer({ min: 0, max: 40 }),
    length: fc.option(fc.integer({ min: 0, max: 70 }), { nil: null, freq: 3 }),
    firstRevisionAtStart: fc.boolean().chain((b) => (b ? fc.constant(true) : fc.boolean())), // 3 in 4
    revisions: fc.array(revisionArb, { minLength: 1, maxLength: 3 }),
    statusChanges: fc.array(fc.record({ status: fc.constantFrom(...STATUSES), at: fc.integer({ min: -5, max: 60 }) }), { maxLength: 4 }),
    initialActive: fc.boolean(),
  })
  .map(({ start, length, firstRevisionAtStart, revisions, statusChanges, initialActive }) => ({
    startDate: dayAt(start),
    endDate: length === null ? null : dayAt(start + length),
    revisions: revisions.map((r, i) => ({ effectiveDate: dayAt(start + (i === 0 && firstRevisionAtStart ? 0 : r.at)), items: r.items })),
    statusChanges: [...(initialActive ? [{ status: 'active' as const, at: 0 }] : []), ...statusChanges].map((c) => ({ status: c.status, effectiveDate: dayAt(start + c.at) })),
  }));

const painArb = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });
const randomLogArb = fc.record({ itemKey: fc.constantFrom(...LOG_KEYS), localDate: fc.integer({ min: -10, max: 115 }).map(dayAt), painBefore: painArb, painAfter: painArb });

/** Logs that follow the plan (0–4 per scheduled item-day: misses and extra sessions), perhaps stopping on some day, plus random noise. */
const planWithLogsArb = planArb.chain((plan) => {
  const slots = refItemDays(plan, -10, 115);
  const start = offsetOf(plan.startDate);
  return fc
    .record({
      perSlot: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: slots.length, maxLength: slots.length }),
      stopAfter: fc.option(fc.integer({ min: start - 2, max: start + 70 }), { nil: null }),
      noise: fc.array(randomLogArb, { maxLength: 40 }),
      pains: fc.array(fc.tuple(painArb, painArb), { minLength: 1, maxLength: 8 }),
    })
    .map(({ perSlot, stopAfter, noise, pains }) => {
      const logs: LogFact[] = [...noise];
      slots.forEach((slot, i) => {
        if (stopAfter !== null && offsetOf(slot.day) > stopAfter) return;
        for (let n = 0; n < (perSlot[i] ?? 0); n++) {
          const [painBefore, painAfter] = pains[(i + n) % pains.length] ?? [null, null];
          logs.push({ itemKey: slot.itemKey, localDate: slot.day, painBefore, painAfter });
        }
      });
      return { plan, logs };
    });
});

const windowAt = (from: number, length: number) => ({ from: dayAt(from), to: dayAt(from + length - 1) });
const windowArb = fc.record({ from: fc.integer({ min: -10, max: 100 }), length: fc.integer({ min: 0, max: 45 }) }).map(({ from, length }) => windowAt(from, length));
/** A plan with logs, a window and a "today"; 4 in 5 windows start near the plan start, the rest anywhere (empty and reversed included). */
const scenarioArb = planWithLogsArb.chain((pl) => {
  const start = offsetOf(pl.plan.startDate);
  const near = fc.record({ from: fc.integer({ min: start - 10, max: start + 60 }), length: fc.integer({ min: 1, max: 45 }) }).map(({ from, length }) => windowAt(from, length));
  return fc.record({
    window: fc.oneof({ arbitrary: near, weight: 4 }, { arbitrary: windowArb, weight: 1 }),
    today: fc.oneof({ arbitrary: fc.integer({ min: start - 3, max: start + 75 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 110 }), weight: 1 }).map(dayAt),
  }).map(({ window, today }) => ({ ...pl, ...window, today }));
});

const redFlagsArb = fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 6 }, { arbitrary: fc.subarray([...RED_FLAGS], { minLength: 1 }), weight: 1 });
const checkInsArb = fc
  .uniqueArray(fc.record({ d: fc.integer({ min: -10, max: 115 }), pain: fc.integer({ min: 0, max: 10 }), redFlags: redFlagsArb }), { selector: (c) => c.d, maxLength: 50 })
  .map((list) => list.map(({ d, pain, redFlags }): CheckInFact => ({ localDate: dayAt(d), pain, redFlags })));

// ---------- brute-force references ----------
/** The entry in force on a day: the last one in the list whose effective date is on or before the day. */
function refInForce<T extends { effectiveDate: string }>(entries: readonly T[], day: number): T | undefined {
  let found: T | undefined;
  for (const e of entries) if (offsetOf(e.effectiveDate) <= day) found = e;
  return found;
}

function refExpected(plan: PlanHistory, itemKey: string, day: number): number {
  if (day < offsetOf(plan.startDate)) return 0;
  if (plan.endDate !== null && day > offsetOf(plan.endDate)) return 0;
  const status = refInForce(plan.statusChanges, day);
  if (status !== undefined && status.status !== 'active') return 0;
  const revision = refInForce(plan.revisions, day);
  if (revision === undefined) return 0;
  const item = revision.items.filter((i) => i.itemKey === itemKey).at(-1);
  if (item === undefined) return 0;
  return item.daysOfWeek.includes(weekdayOf(dayAt(day))) ? item.sessionsPerDay : 0;
}

function refItemDays(plan: PlanHistory, from: number, to: number): { itemKey: string; day: string; expected: number }[] {
  const out: { itemKey: string; day: string; expected: number }[] = [];
  for (const day of range(from, to)) for (const itemKey of LOG_KEYS) {
    const expected = refExpected(plan, itemKey, day);
    if (expected > 0) out.push({ itemKey, day: dayAt(day), expected });
  }
  return out;
}

function refTally(plan: PlanHistory, logs: readonly LogFact[], from: number, to: number, onlyKey?: string) {
  let done = 0;
  let expected = 0;
  for (const day of range(from, to)) {
    for (const itemKey of LOG_KEYS) {
      if (onlyKey !== undefined && itemKey !== onlyKey) continue;
      const e = refExpected(plan, itemKey, day);
      const logged = logs.filter((l) => l.itemKey === itemKey && offsetOf(l.localDate) === day).length;
      expected += e;
      done += Math.min(logged, e);
    }
  }
  return { done, expected, value: expected === 0 ? null : done / expected };
}

const refScheduled = (plan: PlanHistory, day: number) => LOG_KEYS.some((k) => refExpected(plan, k, day) > 0);
const refMean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

const refBaselineValues = (checkIns: readonly CheckInFact[], start: string) =>
  checkIns
    .filter((c) => offsetOf(c.localDate) >= offsetOf(start))
    .sort((a, b) => offsetOf(a.localDate) - offsetOf(b.localDate))
    .slice(0, 3)
    .map((c) => c.pain);
const refCurrentValues = (checkIns: readonly CheckInFact[], today: string) => checkIns.filter((c) => offsetOf(today) - offsetOf(c.localDate) >= 0 && offsetOf(today) - offsetOf(c.localDate) <= 6).map((c) => c.pain);

/** Meaningful change in exact integer arithmetic on the sums and counts behind the two means. */
function refTrend(baseline: readonly number[], current: readonly number[]): PainTrend | null {
  if (baseline.length === 0 || current.length === 0) return null;
  const [B, nb, C, nc] = [baseline.reduce((a, b) => a + b, 0), baseline.length, current.reduce((a, b) => a + b, 0), current.length];
  const dropScaled = B * nc - C * nb; // drop × nb × nc
  if (dropScaled > 0 && (dropScaled >= 2 * nb * nc || 10 * dropScaled >= 3 * B * nc)) return 'improving';
  if (-dropScaled >= 2 * nb * nc) return 'worsening';
  return 'stable';
}

function refAlertKinds(plan: PlanHistory | null, logs: readonly LogFact[], checkIns: readonly CheckInFact[], todayDate: string): AlertKind[] {
  const today = offsetOf(todayDate);
  const inLast7 = (date: string) => today - offsetOf(date) >= 0 && today - offsetOf(date) <= 6;
  const kinds = new Set<AlertKind>();
  if (checkIns.some((c) => inLast7(c.localDate) && c.redFlags.length > 0)) kinds.add('red_flag');
  if (logs.some((l) => inLast7(l.localDate) && l.painBefore !== null && l.painAfter !== null && l.painAfter - l.painBefore >= 3)) kinds.add('session_hurts');
  if (plan) {
    if (refTrend(refBaselineValues(checkIns, plan.startDate), refCurrentValues(checkIns, todayDate)) === 'worsening') kinds.add('pain_worsening');
    const week = range(today - 7, today - 1);
    const t = refTally(plan, logs, today - 7, today - 1);
    if (week.filter((d) => refScheduled(plan, d)).length >= 3 && t.done * 2 < t.expected) kinds.add('low_adherence');
    const lastThree: number[] = [];
    for (let d = today - 1; d >= offsetOf(plan.startDate) && lastThree.length < 3; d--) if (refScheduled(plan, d)) lastThree.push(d);
    if (lastThree.length === 3 && lastThree.every((d) => !logs.some((l) => offsetOf(l.localDate) === d))) kinds.add('missed_days');
  }
  return ALERT_ORDER.filter((k) => kinds.has(k));
}

// ---------- properties ----------
describe('adherence matches the brute-force reference', () => {
  it('expectedSessions for any item and day', () => {
    run(fc.record({ plan: planArb, key: fc.constantFrom(...LOG_KEYS), days: fc.array(fc.integer({ min: -10, max: 115 }), { minLength: 1, maxLength: 10 }) }), ({ plan, key, days }) => {
      for (const d of days) expect(expectedSessions(plan, key, dayAt(d))).toBe(refExpected(plan, key, d));
    });
  });

  it('itemDays and scheduledDays', () => {
    run(fc.record({ plan: planArb, window: windowArb }), ({ plan, window }) => {
      const [from, to] = [offsetOf(window.from), offsetOf(window.to)];
      const sortKey = (x: { itemKey: string; day: string; expected: number }) => `${x.day}|${x.itemKey}|${x.expected}`;
      expect(itemDays(plan, window.from, window.to).map(sortKey).sort()).toEqual(refItemDays(plan, from, to).map(sortKey).sort());
      expect(scheduledDays(plan, window.from, window.to)).toEqual(range(from, to).filter((d) => refScheduled(plan, d)).map(dayAt));
    });
  });

  it('adherence over a window (Σ min(done, expected) / Σ expected, null when nothing expected)', () => {
    run(scenarioArb, ({ plan, logs, from, to }) => {
      const ref = refTally(plan, logs, offsetOf(from), offsetOf(to));
      expect(adherenceTally(plan, logs, from, to)).toEqual(ref);
      const value = adherence(plan, logs, from, to);
      expect(value).toBe(ref.value);
      if (value === null) expect(ref.expected).toBe(0);
      else expect(value >= 0 && value <= 1).toBe(true);
    });
  });

  it('windows up to yesterday, today on its own', () => {
    run(fc.record({ s: scenarioArb, days: fc.integer({ min: 1, max: 40 }) }), ({ s, days }) => {
      const w = adherenceWindow(s.today, days);
      const today = offsetOf(s.today);
      expect([offsetOf(w.from), offsetOf(w.to)]).toEqual([today - days, today - 1]);
      expect(todaySoFar(s.plan, s.logs, s.today)).toEqual(refTally(s.plan, s.logs, today, today));
    });
  });

  it('weekly adherence: ISO weeks Monday–Sunday, whole days up to yesterday', () => {
    run(fc.record({ s: scenarioArb, weeks: fc.integer({ min: 1, max: 6 }) }), ({ s, weeks }) => {
      const yesterday = offsetOf(s.today) - 1;
      const monday = yesterday - (weekdayOf(dayAt(yesterday)) - 1);
      const ref = range(0, weeks - 1)
        .reverse()
        .map((w) => {
          const from = monday - 7 * w;
          const to = Math.min(from + 6, yesterday);
          return { weekStart: dayAt(from), from: dayAt(from), to: dayAt(to), isPartial: to < from + 6, ...refTally(s.plan, s.logs, from, to) };
        });
      expect(weeklyAdherence(s.plan, s.logs, s.today, weeks)).toEqual(ref);
    });
  });

  it('per item adherence, and its rows add up to the whole', () => {
    run(scenarioArb, ({ plan, logs, from, to }) => {
      const rows = perItemAdherence(plan, logs, from, to);
      const keys = [...new Set(plan.revisions.flatMap((r) => r.items.map((i) => i.itemKey)))];
      expect(rows.map((r) => r.itemKey)).toEqual(keys);
      for (const row of rows) expect(row).toEqual({ itemKey: row.itemKey, ...refTally(plan, logs, offsetOf(from), offsetOf(to), row.itemKey) });
      const whole = refTally(plan, logs, offsetOf(from), offsetOf(to));
      expect([rows.reduce((a, r) => a + r.done, 0), rows.reduce((a, r) => a + r.expected, 0)]).toEqual([whole.done, whole.expected]);
    });
  });
});

describe('adherence invariants', () => {
  it('an extra session on a fully done item-day never changes adherence', () => {
    run(fc.record({ s: scenarioArb, pick: fc.nat(), extra: fc.integer({ min: 1, max: 3 }) }), ({ s, pick, extra }) => {
      const slots = itemDays(s.plan, s.from, s.to);
      fc.pre(slots.length > 0);
      const slot = slots[pick % slots.length];
      if (!slot) return;
      const fill: LogFact[] = Array.from({ length: slot.expected }, () => ({ itemKey: slot.itemKey, localDate: slot.day, painBefore: null, painAfter: null }));
      const full = [...s.logs, ...fill];
      const more = [...full, ...fill.slice(0, 1), ...Array.from({ length: extra - 1 }, () => ({ itemKey: slot.itemKey, localDate: slot.day, painBefore: 1, painAfter: 2 }))];
      expect(adherence(s.plan, more, s.from, s.to)).toBe(adherence(s.plan, full, s.from, s.to));
    });
  });

  it('a log for an item not in force, or on an unscheduled day, never changes adherence', () => {
    run(fc.record({ s: scenarioArb, day: fc.integer({ min: -10, max: 115 }) }), ({ s, day }) => {
      const stray: LogFact = { itemKey: 'not-in-plan', localDate: dayAt(day), painBefore: null, painAfter: null };
      expect(adherence(s.plan, [...s.logs, stray], s.from, s.to)).toBe(adherence(s.plan, s.logs, s.from, s.to));
    });
  });

  it('removing a log never increases adherence (and adding one never decreases it)', () => {
    run(fc.record({ s: scenarioArb, pick: fc.nat() }), ({ s, pick }) => {
      fc.pre(s.logs.length > 0);
      const fewer = s.logs.filter((_, i) => i !== pick % s.logs.length);
      const before = adherence(s.plan, s.logs, s.from, s.to);
      const after = adherence(s.plan, fewer, s.from, s.to);
      expect(after === null).toBe(before === null); // logs never change what is expected
      if (before !== null && after !== null) expect(after).toBeLessThanOrEqual(before);
    });
  });

  it('is additive over adjacent windows', () => {
    run(fc.record({ s: scenarioArb, cut: fc.nat() }), ({ s, cut }) => {
      const [from, to] = [offsetOf(s.from), offsetOf(s.to)];
      fc.pre(to >= from);
      const mid = from + (cut % (to - from + 1));
      const a = adherenceTally(s.plan, s.logs, s.from, dayAt(mid - 1));
      const b = adherenceTally(s.plan, s.logs, dayAt(mid), s.to);
      const whole = adherenceTally(s.plan, s.logs, s.from, s.to);
      expect([a.done + b.done, a.expected + b.expected]).toEqual([whole.done, whole.expected]);
    });
  });
});

describe('pain matches the brute-force reference', () => {
  const start = fc.integer({ min: -10, max: 115 }).map(dayAt);

  it('baseline, current pain and meaningful change', () => {
    run(fc.record({ checkIns: checkInsArb, start, today: start }), ({ checkIns, start, today }) => {
      const b = refBaselineValues(checkIns, start);
      const c = refCurrentValues(checkIns, today);
      const baseline = painBaseline(checkIns, start);
      const current = currentPain(checkIns, today);
      if (b.length === 0) expect(baseline).toBeNull();
      else expect(baseline).toBeCloseTo(refMean(b) ?? NaN, 12);
      if (c.length === 0) expect(current).toBeNull();
      else expect(current).toBeCloseTo(refMean(c) ?? NaN, 12);
      expect(meaningfulChange(baseline, current)).toBe(refTrend(b, c));
    });
  });

  it('meaningful change on every pair of means of 1–3 and 1–7 whole-number scores (thresholds met exactly)', () => {
    const scores = (max: number) => fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: max });
    run(fc.record({ b: scores(3), c: scores(7) }), ({ b, c }) => {
      expect(meaningfulChange(refMean(b), refMean(c))).toBe(refTrend(b, c));
    });
  });

  it('meaningful change, exhaustively: every mean of 1–3 baseline and 1–7 current whole-number scores', () => {
    const mismatches: string[] = [];
    for (let nb = 1; nb <= 3; nb++)
      for (let B = 0; B <= 10 * nb; B++)
        for (let nc = 1; nc <= 7; nc++)
          for (let C = 0; C <= 10 * nc; C++) {
            const b = Array.from({ length: nb }, (_, i) => Math.floor(B / nb) + (i < B % nb ? 1 : 0));
            const c = Array.from({ length: nc }, (_, i) => Math.floor(C / nc) + (i < C % nc ? 1 : 0));
            if (meaningfulChange(B / nb, C / nc) !== refTrend(b, c)) mismatches.push(`${B}/${nb} → ${C}/${nc}`);
          }
    expect(mismatches).toEqual([]);
  });

  it('daily series with a 7-day trailing mean', () => {
    run(fc.record({ checkIns: checkInsArb, window: windowArb }), ({ checkIns, window }) => {
      const series = dailyPainSeries(checkIns, window.from, window.to);
      const days = range(offsetOf(window.from), offsetOf(window.to));
      expect(series.map((p) => p.date)).toEqual(days.map(dayAt));
      series.forEach((point, i) => {
        const d = days[i] ?? NaN;
        expect(point.pain).toBe(checkIns.find((c) => offsetOf(c.localDate) === d)?.pain ?? null);
        const ref = refMean(checkIns.filter((c) => d - offsetOf(c.localDate) >= 0 && d - offsetOf(c.localDate) <= 6).map((c) => c.pain));
        if (ref === null) expect(point.mean7).toBeNull();
        else expect(point.mean7).toBeCloseTo(ref, 9);
      });
    });
  });

  it('pain before vs after sessions (paired only)', () => {
    run(fc.array(randomLogArb, { maxLength: 60 }), (logs) => {
      const paired = logs.filter((l) => l.painBefore !== null && l.painAfter !== null);
      const result = painAroundSessions(logs);
      expect(result.sessions).toBe(paired.length);
      const before = refMean(paired.map((l) => l.painBefore ?? NaN));
      const after = refMean(paired.map((l) => l.painAfter ?? NaN));
      if (before === null || after === null) expect(result).toEqual({ sessions: 0, before: null, after: null, change: null });
      else {
        expect(result.before).toBeCloseTo(before, 12);
        expect(result.after).toBeCloseTo(after, 12);
        expect(result.change).toBeCloseTo(after - before, 12);
      }
    });
  });
});

describe('reading and monitoring match the brute-force reference', () => {
  const readingArb: fc.Arbitrary<ReadingFact> = fc
    .record({ state: fc.constantFrom('assigned', 'opened', 'read', 'understood'), due: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }), assigned: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }) })
    .map(({ state, due, assigned }) => ({ state, dueDate: due === null ? null : dayAt(due), ...(assigned === null ? {} : { assignedDate: dayAt(assigned) }) }));

  it('reading completion = (read or understood) / (assigned and due)', () => {
    run(fc.record({ list: fc.array(readingArb, { maxLength: 12 }), today: fc.integer({ min: 0, max: 60 }) }), ({ list, today }) => {
      const isDue = (a: ReadingFact) => (a.assignedDate === undefined || offsetOf(a.assignedDate) <= today) && (a.dueDate === null || offsetOf(a.dueDate) <= today);
      const isRead = (a: ReadingFact) => a.state === 'read' || a.state === 'understood';
      const due = list.filter(isDue);
      const done = due.filter(isRead).length;
      const t = readingTally(list, dayAt(today));
      expect([t.due, t.done, t.value]).toEqual([due.length, done, due.length === 0 ? null : done / due.length]);
      expect(t.notYetDue + t.due).toBe(list.length);
    });
  });

  it('monitoring days = days in the 30 ending today with any log or check-in', () => {
    run(fc.record({ logs: fc.array(randomLogArb, { maxLength: 60 }), checkIns: checkInsArb, today: fc.integer({ min: 0, max: 115 }) }), ({ logs, checkIns, today }) => {
      const ref = range(today - 29, today).filter((d) => logs.some((l) => offsetOf(l.localDate) === d) || checkIns.some((c) => offsetOf(c.localDate) === d)).length;
      const days = monitoringDays(logs, checkIns, dayAt(today));
      expect(days).toBe(ref);
      expect(monitoringTier(days)).toBe(ref < 2 ? 'under 2' : ref <= 15 ? '2–15' : '16+');
    });
  });
});

describe('alert boundaries', () => {
  const everyDay: PlanHistory = { startDate: dayAt(0), endDate: null, statusChanges: [], revisions: [{ effectiveDate: dayAt(0), items: [{ itemKey: 'a', sessionsPerDay: 1, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] }] }] };
  const today = 60;

  it('red flags and "this stretch hurts" count the 7 local days ending today, no more', () => {
    run(fc.integer({ min: -3, max: 10 }), (ago) => {
      const day = dayAt(today - ago);
      const logs: LogFact[] = range(0, today).map((d) => ({ itemKey: 'a', localDate: dayAt(d), painBefore: d === today - ago ? 1 : null, painAfter: d === today - ago ? 4 : null }));
      const kinds = alertsFor({ today: dayAt(today), plan: everyDay, logs, checkIns: [{ localDate: day, pain: 3, redFlags: ['fever'] }] }).map((a) => a.kind);
      const inWindow = ago >= 0 && ago <= 6;
      expect(kinds.includes('red_flag')).toBe(inWindow);
      expect(kinds.includes('session_hurts')).toBe(inWindow);
    });
  });

  it('low adherence fires below 50 % of the last 7 whole days with ≥ 3 scheduled, never at 50 %', () => {
    const arb = fc.record({ sessions: fc.integer({ min: 1, max: 2 }), weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), done: fc.subarray(range(0, 7)) });
    run(arb, ({ sessions, weekdays, done }) => {
      const plan: PlanHistory = { ...everyDay, revisions: [{ effectiveDate: dayAt(0), items: [{ itemKey: 'a', sessionsPerDay: sessions, daysOfWeek: weekdays }] }] };
      // Every session done on the `done` days ago (0 = today, which never counts; 7 = before the window).
      const logs: LogFact[] = done.flatMap((ago) => Array.from({ length: sessions }, () => ({ itemKey: 'a', localDate: dayAt(today - ago), painBefore: null, painAfter: null })));
      const scheduled = range(1, 7).filter((ago) => weekdays.includes(weekdayOf(dayAt(today - ago))));
      const doneScheduled = scheduled.filter((ago) => done.includes(ago)).length;
      const kinds = alertsFor({ today: dayAt(today), plan, logs, checkIns: [] }).map((a) => a.kind);
      expect(kinds.includes('low_adherence')).toBe(scheduled.length >= 3 && doneScheduled * 2 < scheduled.length);
    });
  });
});

describe('alerts match the brute-force reference', () => {
  it('fires exactly the design rules, red flags first, in ALERT_ORDER', () => {
    run(fc.record({ s: scenarioArb, checkIns: checkInsArb, withPlan: fc.boolean() }), ({ s, checkIns, withPlan }) => {
      const plan = withPlan ? s.plan : null;
      const alerts = alertsFor({ today: s.today, plan, logs: s.logs, checkIns });
      expect(alerts.map((a) => a.kind)).toEqual(refAlertKinds(plan, s.logs, checkIns, s.today));
      for (const a of alerts) expect(a.reason.length).toBeGreaterThan(20);
    });
  });
});
