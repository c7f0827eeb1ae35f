// Pure display helpers and the summary sentences that are every chart's text equivalent.
// null always means "no data" (design.md "Definitions"): it is never shown as 0 %.
import { formatLocalDate, type LocalDate } from '@/lib/dates';
import type { AlertKind, ClinicSummary, PainChange, PatientSeries, SeriesRange } from '@/lib/dal/metrics-types';

export const NO_DATA = 'No data yet';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** 0.734 → "73 %"; null → "–". */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)} %`;
}

/** Pain means are unrounded (lib/metrics/pain.ts); one decimal for display, "–" for none. */
export function formatPain(value: number | null): string {
  return value === null ? '–' : String(Math.round(value * 10) / 10);
}

/** "3 Mar" on axes and in tables. */
export function shortDate(date: LocalDate): string {
  return formatLocalDate(date, { day: 'numeric', month: 'short' });
}

export const RANGE_LABELS: Record<SeriesRange, string> = { '30': '30 days', '90': '90 days', all: 'All' };

/** Trend arrows point the way pain moves: ↑ worsening, ↓ improving, → stable. */
export const PAIN_TREND: Record<PainChange, { arrow: string; label: string; tone: 'danger' | 'success' | 'neutral' }> = {
  worsening: { arrow: '↑', label: 'worsening', tone: 'danger' },
  improving: { arrow: '↓', label: 'improving', tone: 'success' },
  stable: { arrow: '→', label: 'stable', tone: 'neutral' },
};

export function painTrend(change: PainChange | null): { arrow: string; label: string; tone: 'danger' | 'success' | 'neutral' } | null {
  return change === null ? null : PAIN_TREND[change];
}

/** Remote therapeutic monitoring billing tiers: 2–15 and 16+ days of data in 30. */
export function monitoringTier(days: number): '2–15' | '16+' | null {
  if (days >= 16) return '16+';
  if (days >= 2) return '2–15';
  return null;
}

/** Adherence buckets of the clinic summary, in display order. */
export const ADHERENCE_BUCKETS = ['0–25 %', '25–50 %', '50–75 %', '75–100 %', 'no data'] as const;

/** The bucket a 0–1 adherence falls in (upper bounds exclusive, 100 % in the top bucket). */
export function adherenceBucket(value: number | null): (typeof ADHERENCE_BUCKETS)[number] {
  if (value === null) return 'no data';
  if (value < 0.25) return '0–25 %';
  if (value < 0.5) return '25–50 %';
  if (value < 0.75) return '50–75 %';
  return '75–100 %';
}

export function hasAdherenceData(weeks: readonly { value: number | null }[]): boolean {
  return weeks.some((w) => w.value !== null);
}

export function hasPainData(days: readonly { pain: number | null }[]): boolean {
  return days.some((d) => d.pain !== null);
}

type Week = PatientSeries['weeklyAdherence'][number];

/** The latest whole week with data, or else the latest week with data (possibly partial). */
function latestWeek(weeks: readonly Week[]): Week | undefined {
  const withData = weeks.filter((w) => w.value !== null);
  return withData.filter((w) => !w.isPartial).at(-1) ?? withData.at(-1);
}

function overall(rows: readonly { done: number; expected: number }[]): number | null {
  let done = 0;
  let expected = 0;
  for (const r of rows) {
    done += Math.min(r.done, r.expected);
    expected += r.expected;
  }
  return expected === 0 ? null : done / expected;
}

/** Therapist view: the latest week, the period overall and today so far. */
export function weeklyAdherenceSummary(series: Pick<PatientSeries, 'weeklyAdherence' | 'todaySoFar'>): string {
  const latest = latestWeek(series.weeklyAdherence);
  const today = series.todaySoFar.expected > 0 ? ` Today so far: ${series.todaySoFar.done} of ${series.todaySoFar.expected}.` : '';
  if (!latest) return `${NO_DATA}: no sessions were scheduled in this period.${today}`;
  const all = overall(series.weeklyAdherence);
  const week = `${latest.isPartial ? 'This week so far' : `Week of ${shortDate(latest.weekStart)}`}: ${formatPercent(latest.value)} of scheduled sessions done (${latest.done} of ${latest.expected})`;
  const weeks = series.weeklyAdherence.filter((w) => w.value !== null).length;
  return `${week}. Over ${plural(weeks, 'week')} with scheduled sessions: ${formatPercent(all)}.${today}`;
}

/** Patient view: the same numbers in encouraging words. */
export function progressAdherenceSummary(series: Pick<PatientSeries, 'weeklyAdherence' | 'todaySoFar'>): string {
  const latest = latestWeek(series.weeklyAdherence);
  if (!latest) return 'No weeks to show yet. Once your plan has sessions scheduled, your weeks will appear here.';
  const pct = formatPercent(latest.value);
  const when = latest.isPartial ? 'So far this week' : 'In your last full week';
  const lead = `${when} you did ${latest.done} of ${plural(latest.expected, 'planned session')} (${pct}).`;
  const v = latest.value ?? 0;
  const cheer = v >= 0.8 ? ' Great consistency.' : v >= 0.5 ? ' Good going: every session counts.' : ' Small, regular sessions add up. You can pick it up today.';
  return lead + cheer;
}

export function perItemSummary(items: PatientSeries['perItem']): string {
  const withData = items.filter((i): i is typeof i & { value: number } => i.value !== null);
  if (withData.length === 0) return `${NO_DATA}: no exercise had scheduled sessions in this period.`;
  const sorted = [...withData].sort((a, b) => b.value - a.value || a.exerciseName.localeCompare(b.exerciseName));
  const best = sorted[0]!;
  const worst = sorted.at(-1)!;
  if (sorted.length === 1) return `${best.exerciseName}: ${formatPercent(best.value)} of scheduled sessions done (${best.done} of ${best.expected}).`;
  return `${plural(sorted.length, 'exercise')}. Highest: ${best.exerciseName} at ${formatPercent(best.value)}. Lowest: ${worst.exerciseName} at ${formatPercent(worst.value)}.`;
}

type PainBits = Pick<PatientSeries, 'dailyPain' | 'painBaseline' | 'painNow' | 'painChange'>;

export function dailyPainSummary(series: PainBits): string {
  const checkIns = series.dailyPain.filter((d) => d.pain !== null).length;
  if (checkIns === 0) return `${NO_DATA}: no pain check-ins in this period.`;
  const count = `${plural(checkIns, 'check-in')} in this period.`;
  if (series.painNow === null) return `No check-in in the last 7 days; ${count}${series.painBaseline === null ? '' : ` Baseline ${formatPain(series.painBaseline)} out of 10.`}`;
  const now = `Pain now ${formatPain(series.painNow)} out of 10 (mean of the last 7 days)`;
  if (series.painBaseline === null) return `${now}; no baseline yet. ${count}`;
  const diff = Math.round((series.painNow - series.painBaseline) * 10) / 10;
  const moved = diff === 0 ? 'no change' : `${diff < 0 ? 'down' : 'up'} ${Math.abs(diff)} ${Math.abs(diff) === 1 ? 'point' : 'points'}`;
  const trend = painTrend(series.painChange);
  return `${now}, baseline ${formatPain(series.painBaseline)}: ${moved}${trend ? `, ${trend.label}` : ''}. ${count}`;
}

/** Patient view of the pain trend: plain words, no jargon. */
export function progressPainSummary(series: PainBits): string {
  if (!hasPainData(series.dailyPain)) return 'No pain check-ins yet. A quick check-in each day helps you and your therapist see the trend.';
  if (series.painNow === null) return 'No check-ins in the last 7 days. When you check in again, your trend picks up from there.';
  const now = `Over the last 7 days your pain averaged ${formatPain(series.painNow)} out of 10`;
  if (series.painBaseline === null) return `${now}.`;
  const base = `when you started it was ${formatPain(series.painBaseline)}`;
  if (series.painChange === 'improving') return `${now}; ${base}. That is a real improvement.`;
  if (series.painChange === 'worsening') return `${now}; ${base}. Bad spells happen; tell your therapist if it keeps rising.`;
  return `${now}; ${base}. About the same so far: steady work is what moves it.`;
}

export function painAroundSessionsSummary(points: PatientSeries['painAroundSessions']): string {
  const pairs = points.filter((p): p is { date: LocalDate; before: number; after: number } => p.before !== null && p.after !== null);
  if (pairs.length === 0) return `${NO_DATA}: no sessions with pain recorded before and after.`;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const before = mean(pairs.map((p) => p.before));
  const after = mean(pairs.map((p) => p.after));
  const hurt = pairs.filter((p) => p.after - p.before >= 3).length;
  const diff = Math.round((after - before) * 10) / 10;
  const moved = diff === 0 ? 'the same' : `${Math.abs(diff)} ${diff < 0 ? 'lower' : 'higher'}`;
  return `On ${plural(pairs.length, 'session day')}, pain after sessions averaged ${formatPain(after)}, ${moved} than before (${formatPain(before)}).${hurt ? ` Pain rose 3 or more points after a session on ${plural(hurt, 'day')}.` : ''}`;
}

export function readingSummary(reading: PatientSeries['reading'], completion: number | null): string {
  if (reading.length === 0) return 'No reading assigned.';
  const done = reading.filter((r) => r.state === 'read' || r.state === 'understood').length;
  return `${done} of ${plural(reading.length, 'article')} read${completion === null ? '' : `; ${formatPercent(completion)} of those due`}.`;
}

export function clinicSummarySentence(summary: ClinicSummary, audience: 'clinic' | 'caseload'): string {
  const total = summary.adherenceDistribution.reduce((s, b) => s + b.patients, 0);
  const who = audience === 'clinic' ? 'in the clinic' : 'in your care';
  if (total === 0) return `No patients ${who} yet.`;
  const { improving, stable, worsening } = summary.painChange;
  const noPain = summary.painChange['no data'];
  const noAdh = summary.adherenceDistribution.find((b) => b.bucket === 'no data')?.patients ?? 0;
  const top = [...summary.adherenceDistribution].filter((b) => b.bucket !== 'no data' && b.patients > 0).sort((a, b) => b.patients - a.patients)[0];
  const adherence = top ? ` Most common 30-day adherence: ${top.bucket} (${plural(top.patients, 'patient')}).` : ' No adherence data yet.';
  return `${plural(total, 'patient')} ${who}. Pain: ${improving} improving, ${stable} stable, ${worsening} worsening${noPain ? `, ${noPain} without pain data` : ''}.${adherence}${noAdh && top ? ` ${noAdh} without adherence data.` : ''}`;
}

export const ALERT_LABELS: Record<AlertKind, string> = {
  red_flag: 'Red flag',
  pain_worsening: 'Pain worsening',
  stretch_hurts: 'Stretch hurts',
  low_adherence: 'Low adherence',
  missed_days: 'Missed days',
};

/** Safety alerts in red, the others in amber; the label always says which. */
export function alertBadgeClass(kind: AlertKind): string {
  return kind === 'red_flag' || kind === 'stretch_hurts' ? 'badge badge-danger' : 'badge badge-paused';
}
