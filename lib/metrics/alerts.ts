// Therapist alerts with plain-words reasons: design.md "Definitions" → Alerts.
import { addDays, formatLocalDate, type LocalDate } from '@/lib/dates';
import { RED_FLAG_LABELS } from '@/lib/safety';
import { adherenceWindow, compileSchedule, countLogs, type Schedule, scheduledDays, tallySchedule } from './adherence';
import { currentPain, meaningfulChange, painBaseline } from './pain';
import type { CheckInFact, LogFact, PlanHistory } from './types';

/** Most urgent first: red flags always lead the list (design: "the therapist sees it first"). */
export const ALERT_ORDER = ['red_flag', 'pain_worsening', 'session_hurts', 'low_adherence', 'missed_days'] as const;
export type AlertKind = (typeof ALERT_ORDER)[number];

export type Alert = {
  kind: AlertKind;
  reason: string;
  /** The local day the alert is about (the latest one when several). */
  date: LocalDate;
};

export const LOW_ADHERENCE_BELOW = 0.5;
export const LOW_ADHERENCE_DAYS = 7;
export const LOW_ADHERENCE_MIN_SCHEDULED_DAYS = 3;
export const MISSED_SCHEDULED_DAYS = 3;
export const HURT_RISE_POINTS = 3;
/** Safety alerts (red flags, "this stretch hurts") look at the 7 local days ending today, today included. */
export const SAFETY_WINDOW_DAYS = 7;

export type AlertInput = {
  today: LocalDate;
  /** The patient's current plan (null: no plan, so no adherence or baseline alerts). */
  plan: PlanHistory | null;
  /** Not-undone logs for that plan's items; at least the plan's dates and the last 7 days. */
  logs: readonly LogFact[];
  checkIns: readonly CheckInFact[];
  /** Exercise names by item key, for "this stretch hurts". */
  itemNames?: ReadonlyMap<string, string>;
};

const day = (d: LocalDate) => formatLocalDate(d);
const points = (p: number) => String(Math.round(p * 10) / 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Newest first. */
const newestFirst = (a: LocalDate, b: LocalDate) => (a < b ? 1 : a > b ? -1 : 0);

export function compareAlerts(a: Alert, b: Alert): number {
  return ALERT_ORDER.indexOf(a.kind) - ALERT_ORDER.indexOf(b.kind) || newestFirst(a.date, b.date);
}

const RED_FLAG_WORDS: Readonly<Record<string, string>> = RED_FLAG_LABELS;
/** The therapist's words for a red flag; an unknown code still reads as words. */
const redFlagLabel = (flag: string) => (Object.hasOwn(RED_FLAG_WORDS, flag) ? RED_FLAG_WORDS[flag] : undefined) ?? flag.replaceAll('_', ' ');

/** Design alert: a red-flag answer in a check-in (last 7 days, today included). */
export function redFlagAlert(checkIns: readonly CheckInFact[], today: LocalDate): Alert | null {
  const from = addDays(today, 1 - SAFETY_WINDOW_DAYS);
  const flagged = checkIns.filter((c) => c.localDate >= from && c.localDate <= today && c.redFlags.length > 0).sort((a, b) => newestFirst(a.localDate, b.localDate));
  const latest = flagged[0];
  if (!latest) return null;
  const labels = latest.redFlags.map(redFlagLabel);
  const others = flagged.length > 1 ? ` Warning signs were also reported on ${plural(flagged.length - 1, 'other day')} in the last 7 days.` : '';
  return {
    kind: 'red_flag',
    date: latest.localDate,
    reason: `Warning sign reported on ${day(latest.localDate)}: ${labels.join(', ')}. The patient was told to get urgent care.${others}`,
  };
}

/** Design alert: pain worsening (current pain ≥ 2 points above the baseline). */
export function painWorseningAlert(checkIns: readonly CheckInFact[], planStart: LocalDate, today: LocalDate): Alert | null {
  const baseline = painBaseline(checkIns, planStart);
  const current = currentPain(checkIns, today);
  if (baseline === null || current === null || meaningfulChange(baseline, current) !== 'worsening') return null;
  return {
    kind: 'pain_worsening',
    date: today,
    reason: `Pain is worse: ${points(current)} on average over the last 7 days, up from ${points(baseline)} when the plan started.`,
  };
}

type PairedLog = LogFact & { painBefore: number; painAfter: number };

/** Design alert "this stretch hurts": a session whose pain after is ≥ 3 points above pain before (last 7 days, today included). */
export function sessionHurtsAlert(logs: readonly LogFact[], today: LocalDate, itemNames?: ReadonlyMap<string, string>): Alert | null {
  const from = addDays(today, 1 - SAFETY_WINDOW_DAYS);
  const rise = (l: PairedLog) => l.painAfter - l.painBefore;
  const hurts = logs
    .filter((l): l is PairedLog => l.localDate >= from && l.localDate <= today && l.painBefore !== null && l.painAfter !== null && l.painAfter - l.painBefore >= HURT_RISE_POINTS)
    .sort((a, b) => newestFirst(a.localDate, b.localDate) || rise(b) - rise(a));
  const latest = hurts[0];
  if (!latest) return null;
  const name = itemNames?.get(latest.itemKey) ?? 'a stretch';
  const more = hurts.length > 1 ? ` (${plural(hurts.length, 'session')} like this in the last 7 days)` : '';
  return {
    kind: 'session_hurts',
    date: latest.localDate,
    reason: `This stretch hurts: pain went from ${latest.painBefore} to ${latest.painAfter} during ${name} on ${day(latest.localDate)}${more}.`,
  };
}

/** Design alert: adherence < 50 % over the last 7 whole days, only when at least 3 of them were scheduled. */
export function lowAdherenceAlert(schedule: Schedule, logs: readonly LogFact[], today: LocalDate): Alert | null {
  const { from, to } = adherenceWindow(today, LOW_ADHERENCE_DAYS);
  if (scheduledDays(schedule, from, to).length < LOW_ADHERENCE_MIN_SCHEDULED_DAYS) return null;
  const { done, expected } = tallySchedule(schedule, countLogs(logs), from, to);
  if (expected === 0 || done / expected >= LOW_ADHERENCE_BELOW) return null;
  // Floor, so a value just under 50 % never reads as "50 %".
  const percent = Math.floor((done / expected) * 100);
  return {
    kind: 'low_adherence',
    date: to,
    reason: `Low adherence: ${done} of ${plural(expected, 'scheduled session')} done in the last 7 days (${percent} %).`,
  };
}

/**
 * Design alert "no log for 3 scheduled days in a row": the 3 most recent scheduled days up to
 * yesterday all have no session log at all (a log of any item counts as activity that day).
 */
export function missedDaysAlert(schedule: Schedule, logs: readonly Pick<LogFact, 'localDate'>[], today: LocalDate): Alert | null {
  const logDays = new Set(logs.map((l) => l.localDate));
  const missed: LocalDate[] = [];
  const yesterday = addDays(today, -1);
  const last = schedule.endDate !== null && schedule.endDate < yesterday ? schedule.endDate : yesterday;
  for (let d = last; d >= schedule.startDate; d = addDays(d, -1)) {
    if (schedule.itemsOn(d).length === 0) continue;
    if (logDays.has(d)) break;
    missed.push(d);
  }
  const latest = missed[0];
  const oldest = missed[missed.length - 1];
  if (missed.length < MISSED_SCHEDULED_DAYS || !latest || !oldest) return null;
  const when = missed.length === MISSED_SCHEDULED_DAYS ? `(${[...missed].reverse().map(day).join(', ')})` : `(since ${day(oldest)})`;
  return {
    kind: 'missed_days',
    date: latest,
    reason: `No session logged on the last ${missed.length} scheduled days ${when}.`,
  };
}

/** Every design alert that holds for one patient, sorted by ALERT_ORDER (red flags first). */
export function alertsFor(input: AlertInput): Alert[] {
  const { today, plan, logs, checkIns, itemNames } = input;
  const found: (Alert | null)[] = [redFlagAlert(checkIns, today), sessionHurtsAlert(logs, today, itemNames)];
  if (plan) {
    const schedule = compileSchedule(plan);
    found.push(painWorseningAlert(checkIns, plan.startDate, today), lowAdherenceAlert(schedule, logs, today), missedDaysAlert(schedule, logs, today));
  }
  return found.filter((a): a is Alert => a !== null).sort(compareAlerts);
}
