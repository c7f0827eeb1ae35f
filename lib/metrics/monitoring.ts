// Remote monitoring days: design.md "Definitions" → Monitoring days.
import { addDays, type LocalDate } from '@/lib/dates';
import type { CheckInFact, LogFact } from './types';

export const MONITORING_WINDOW_DAYS = 30;

/** Billing tiers of days with data in 30 (remote therapeutic monitoring). */
export const MONITORING_TIERS = ['under 2', '2–15', '16+'] as const;
export type MonitoringTier = (typeof MONITORING_TIERS)[number];

/** Local days with any session log or check-in in the 30 local days ending today (today included). */
export function monitoringDates(logs: readonly Pick<LogFact, 'localDate'>[], checkIns: readonly Pick<CheckInFact, 'localDate'>[], today: LocalDate): LocalDate[] {
  const from = addDays(today, 1 - MONITORING_WINDOW_DAYS);
  const days = new Set<LocalDate>();
  for (const x of [...logs, ...checkIns]) if (x.localDate >= from && x.localDate <= today) days.add(x.localDate);
  return [...days].sort();
}

/** Design "Monitoring days": how many local days in the 30 ending today have any log or check-in. */
export function monitoringDays(logs: readonly Pick<LogFact, 'localDate'>[], checkIns: readonly Pick<CheckInFact, 'localDate'>[], today: LocalDate): number {
  return monitoringDates(logs, checkIns, today).length;
}

/** The billing tier for a count of monitoring days: under 2, 2–15, 16+. */
export function monitoringTier(days: number): MonitoringTier {
  if (days >= 16) return '16+';
  if (days >= 2) return '2–15';
  return 'under 2';
}
