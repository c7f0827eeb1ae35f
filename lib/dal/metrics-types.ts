// The contract between the metrics queries (lib/dal/metrics.ts) and the chart pages.
// Every number follows ../shared/design.md "Definitions" (see lib/metrics/* for the pure versions).
import type { LocalDate } from '@/lib/dates';

export type AlertKind = 'red_flag' | 'pain_worsening' | 'stretch_hurts' | 'low_adherence' | 'missed_days';
export type Alert = { kind: AlertKind; reason: string; date: LocalDate | null };
export type PainChange = 'improving' | 'stable' | 'worsening';

/** One row of the therapist's caseload roster. null means "no data", never 0. */
export type RosterRow = {
  patientId: string;
  name: string;
  therapistName: string;
  planTitle: string | null;
  /** Σ min(done, expected) / Σ expected over the 7 / 30 whole local days up to yesterday. */
  adherence7: number | null;
  adherence30: number | null;
  painBaseline: number | null;
  painNow: number | null;
  painChange: PainChange | null;
  readingCompletion: number | null;
  lastActivity: LocalDate | null;
  /** Local days with any log or check-in in the 30 days ending today. */
  monitoringDays: number;
  /** Ordered: red flags first (ALERT_ORDER in lib/metrics/alerts.ts). */
  alerts: Alert[];
};

export type ClinicSummary = {
  /** Patients per adherence-30 bucket: '0–25 %', '25–50 %', '50–75 %', '75–100 %', 'no data'. */
  adherenceDistribution: { bucket: string; patients: number }[];
  painChange: Record<PainChange | 'no data', number>;
};

export type SeriesRange = '30' | '90' | 'all';

export type PatientSeries = {
  patientId: string;
  range: SeriesRange;
  from: LocalDate;
  today: LocalDate;
  /** ISO weeks (Monday start), whole days up to yesterday; the last one may be partial. */
  weeklyAdherence: { weekStart: LocalDate; value: number | null; done: number; expected: number; isPartial: boolean }[];
  todaySoFar: { done: number; expected: number };
  perItem: { itemKey: string; exerciseName: string; value: number | null; done: number; expected: number }[];
  /** One point per local day in range: the check-in (or null) and the trailing 7-day mean. */
  dailyPain: { date: LocalDate; pain: number | null; mean7: number | null }[];
  painBaseline: number | null;
  painNow: number | null;
  painChange: PainChange | null;
  /** Per day with sessions: mean pain before and after. */
  painAroundSessions: { date: LocalDate; before: number | null; after: number | null }[];
  revisions: { date: LocalDate; revision: number; summary: string | null }[];
  reading: { title: string; state: 'assigned' | 'opened' | 'read' | 'understood'; dueDate: LocalDate | null }[];
  readingCompletion: number | null;
  monitoringDays: number;
  alerts: Alert[];
};

/*
 * Signatures (implemented in lib/dal/metrics.ts, 'server-only', scoped by the viewer like every DAL read):
 *   listRoster(viewer): Promise<RosterRow[] | null>                 therapist: their patients; admin: the clinic; patient: null
 *   getClinicSummary(viewer): Promise<ClinicSummary | null>         clinicians only
 *   getPatientSeries(viewer, patientId, range): Promise<PatientSeries | null>   clinicians in care, or the patient themself; else null (404)
 */
