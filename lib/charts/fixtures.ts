// Small hand-made inputs for the chart helpers' unit tests. Not imported by any page.
import type { ClinicSummary, PatientSeries, RosterRow } from '@/lib/dal/metrics-types';

export function rosterRow(overrides: Partial<RosterRow> & Pick<RosterRow, 'patientId' | 'name'>): RosterRow {
  return {
    therapistName: 'Maya Patel',
    planTitle: 'Low back basics',
    adherence7: null,
    adherence30: null,
    painBaseline: null,
    painNow: null,
    painChange: null,
    readingCompletion: null,
    lastActivity: null,
    monitoringDays: 0,
    alerts: [],
    ...overrides,
  };
}

export const ROSTER: RosterRow[] = [
  rosterRow({ patientId: 'a', name: 'Alex Morgan', adherence7: 0.9, adherence30: 0.8, painBaseline: 6, painNow: 3.4, painChange: 'improving', lastActivity: '2026-03-09', monitoringDays: 20 }),
  rosterRow({
    patientId: 'b',
    name: 'Morgan Brooks',
    adherence7: 0.3,
    adherence30: 0.45,
    painBaseline: 4,
    painNow: 6.5,
    painChange: 'worsening',
    lastActivity: '2026-03-05',
    monitoringDays: 9,
    alerts: [
      { kind: 'pain_worsening', reason: 'Pain 6.5 vs baseline 4.', date: '2026-03-09' },
      { kind: 'red_flag', reason: 'New numbness or weakness reported on Mon 9 Mar.', date: '2026-03-09' },
    ],
  }),
  rosterRow({ patientId: 'c', name: 'José Ruiz', therapistName: 'Sam Okafor', adherence7: 0.5, adherence30: null, alerts: [{ kind: 'missed_days', reason: 'No log for 3 scheduled days.', date: '2026-03-08' }] }),
  rosterRow({ patientId: 'd', name: 'Bea Chan', adherence7: null, adherence30: 0.6, painChange: 'stable', monitoringDays: 1 }),
];

export const CLINIC: ClinicSummary = {
  adherenceDistribution: [
    { bucket: '0–25 %', patients: 1 },
    { bucket: '25–50 %', patients: 1 },
    { bucket: '50–75 %', patients: 2 },
    { bucket: '75–100 %', patients: 3 },
    { bucket: 'no data', patients: 1 },
  ],
  painChange: { improving: 3, stable: 2, worsening: 1, 'no data': 2 },
};

export const SERIES: PatientSeries = {
  patientId: 'a',
  range: '30',
  from: '2026-02-09',
  today: '2026-03-10',
  weeklyAdherence: [
    { weekStart: '2026-02-09', value: 0.5, done: 5, expected: 10, isPartial: false },
    { weekStart: '2026-02-16', value: 0.8, done: 8, expected: 10, isPartial: false },
    { weekStart: '2026-03-02', value: 0.9, done: 9, expected: 10, isPartial: false },
    { weekStart: '2026-03-09', value: 1, done: 2, expected: 2, isPartial: true },
  ],
  todaySoFar: { done: 1, expected: 2 },
  perItem: [
    { itemKey: 'cat', exerciseName: 'Cat-cow', value: 0.9, done: 18, expected: 20 },
    { itemKey: 'pir', exerciseName: 'Piriformis stretch', value: 0.4, done: 8, expected: 20 },
    { itemKey: 'new', exerciseName: 'Bird dog', value: null, done: 0, expected: 0 },
  ],
  dailyPain: [
    { date: '2026-03-07', pain: 6, mean7: 6 },
    { date: '2026-03-08', pain: null, mean7: 6 },
    { date: '2026-03-09', pain: 4, mean7: 5 },
  ],
  painBaseline: 6,
  painNow: 3.5,
  painChange: 'improving',
  painAroundSessions: [
    { date: '2026-03-07', before: 5, after: 4 },
    { date: '2026-03-08', before: 3, after: 6 },
    { date: '2026-03-09', before: null, after: 2 },
  ],
  revisions: [{ date: '2026-02-20', revision: 2, summary: 'Added Bird dog' }],
  reading: [
    { title: 'Why backs hurt', state: 'understood', dueDate: '2026-02-20' },
    { title: 'Pacing', state: 'opened', dueDate: null },
  ],
  readingCompletion: 0.5,
  monitoringDays: 18,
  alerts: [],
};
