// The SQL in lib/dal/metrics.ts equals the pure definitions in lib/metrics/* on the seeded demo clinics
// (and on a crafted patient with several plans, pauses and revisions), and it is scoped like every DAL read.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  articleVersions,
  auditEvents,
  clinics,
  exercises,
  painCheckIns,
  patients,
  planItems,
  planRevisions,
  plans,
  planStatusChanges,
  readingAssignments,
  sessionLogs,
  users,
} from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createWorld, viewerFor, type World } from '@/db/test/fixtures';
import type { Viewer } from '@/lib/auth/types';
import { loadLibrary } from '@/lib/content/load';
import { syncLibrary } from '@/lib/content/sync';
import { addDays, daysBetween, isoWeekday, type LocalDate } from '@/lib/dates';
import { adherenceTally, adherenceWindow, perItemAdherence, todaySoFar, weeklyAdherence, type AdherenceTally } from '@/lib/metrics/adherence';
import { alertsFor } from '@/lib/metrics/alerts';
import { monitoringDays } from '@/lib/metrics/monitoring';
import { currentPain, dailyPainSeries, meaningfulChange, painAroundSessionsByDay, painBaseline } from '@/lib/metrics/pain';
import { readingCompletion } from '@/lib/metrics/reading';
import type { CheckInFact, LogFact, PlanHistory, ReadingFact } from '@/lib/metrics/types';
import { getClinicSummary, getPatientSeries, listRoster } from './metrics';
import type { AlertKind, PatientSeries, RosterRow, SeriesRange } from './metrics-types';

const db = () => getDb();

/** Test files share one database: the idempotent library sync and the seed are serialised with advisory locks. */
async function seedOnce(): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('limber-test:sync-library'))`);
    await syncLibrary(tx, loadLibrary());
  });
  await db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('limber-test:seed-demo'))`);
    // The seed's clinics have fixed slugs: when another file (or an earlier run) seeded them, they are reused.
    await seedDemo(getDb());
  });
}

async function viewerByEmail(email: string): Promise<Viewer> {
  const [u] = await db().select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  return viewerFor(u);
}

// ------------------------------------------------------------------ pure inputs from the database rows

type PlanFacts = { id: string; title: string; status: string; startDate: LocalDate; createdAt: Date; history: PlanHistory; logs: LogFact[] };
type PatientFacts = {
  id: string;
  name: string;
  timeZone: string;
  today: LocalDate;
  plans: PlanFacts[];
  /** Not-undone logs of every plan, newest logged first (the pure "hurts" tie-break is input order). */
  logs: LogFact[];
  checkIns: CheckInFact[];
  reading: ReadingFact[];
  itemNames: Map<string, string>;
  revisions: { date: LocalDate; revision: number; summary: string | null; planStart: LocalDate; planCreated: Date }[];
  readingTitles: { title: string; state: string; dueDate: LocalDate | null }[];
};

async function loadFacts(patientId: string): Promise<PatientFacts> {
  const q = db();
  const [p] = await q
    .select({ id: patients.id, name: users.name, timeZone: patients.timeZone, today: sql<string>`(now() at time zone ${patients.timeZone})::date::text` })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.id))
    .where(eq(patients.id, patientId));
  if (!p) throw new Error('no patient');
  const planRows = await q.select().from(plans).where(eq(plans.patientId, patientId)).orderBy(asc(plans.startDate), asc(plans.createdAt), asc(plans.id));
  const planIds = planRows.map((r) => r.id);
  const statusRows = planIds.length
    ? await q.select().from(planStatusChanges).where(inArray(planStatusChanges.planId, planIds)).orderBy(asc(planStatusChanges.changedAt), asc(planStatusChanges.id))
    : [];
  const revisionRows = planIds.length ? await q.select().from(planRevisions).where(inArray(planRevisions.planId, planIds)).orderBy(asc(planRevisions.revision)) : [];
  const itemRows = planIds.length
    ? await q
        .select({ revisionId: planItems.revisionId, planId: planItems.planId, itemKey: planItems.itemKey, sessionsPerDay: planItems.sessionsPerDay, daysOfWeek: planItems.daysOfWeek, name: exercises.name, revision: planRevisions.revision })
        .from(planItems)
        .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
        .innerJoin(planRevisions, eq(planRevisions.id, planItems.revisionId))
        .where(inArray(planItems.planId, planIds))
        .orderBy(asc(planRevisions.revision), asc(planItems.position))
    : [];
  const logRows = await q
    .select({ planId: planItems.planId, itemKey: planItems.itemKey, localDate: sessionLogs.localDate, painBefore: sessionLogs.painBefore, painAfter: sessionLogs.painAfter })
    .from(sessionLogs)
    .innerJoin(planItems, eq(planItems.id, sessionLogs.planItemId))
    .where(and(eq(sessionLogs.patientId, patientId), isNull(sessionLogs.undoneAt)))
    .orderBy(sql`${sessionLogs.loggedAt} desc`, sql`${sessionLogs.id} desc`);
  const checkInRows = await q.select().from(painCheckIns).where(eq(painCheckIns.patientId, patientId)).orderBy(asc(painCheckIns.localDate));
  const readingRows = await q
    .select({
      state: readingAssignments.state,
      dueDate: readingAssignments.dueDate,
      assignedDate: sql<string>`(${readingAssignments.assignedAt} at time zone ${p.timeZone})::date::text`,
      title: articleVersions.title,
    })
    .from(readingAssignments)
    .innerJoin(articleVersions, eq(articleVersions.id, readingAssignments.articleVersionId))
    .where(and(eq(readingAssignments.patientId, patientId), isNull(readingAssignments.removedAt)));

  const itemNames = new Map<string, string>();
  for (const it of itemRows) itemNames.set(it.itemKey, it.name); // the latest revision's name wins
  const logs: (LogFact & { planId: string })[] = logRows.map((l) => ({ planId: l.planId, itemKey: l.itemKey, localDate: l.localDate, painBefore: l.painBefore, painAfter: l.painAfter }));
  const planFacts: PlanFacts[] = planRows.map((pl) => ({
    id: pl.id,
    title: pl.title,
    status: pl.status,
    startDate: pl.startDate,
    createdAt: pl.createdAt,
    logs: logs.filter((l) => l.planId === pl.id),
    history: {
      startDate: pl.startDate,
      endDate: pl.endDate,
      statusChanges: statusRows.filter((s) => s.planId === pl.id).map((s) => ({ status: s.status, effectiveDate: s.effectiveDate })),
      revisions: revisionRows
        .filter((r) => r.planId === pl.id)
        .map((r) => ({
          effectiveDate: r.effectiveDate,
          items: itemRows.filter((it) => it.revisionId === r.id).map((it) => ({ itemKey: it.itemKey, sessionsPerDay: it.sessionsPerDay, daysOfWeek: it.daysOfWeek })),
        })),
    },
  }));
  const planById = new Map(planRows.map((pl) => [pl.id, pl]));
  return {
    id: p.id,
    name: p.name,
    timeZone: p.timeZone,
    today: p.today,
    plans: planFacts,
    logs,
    checkIns: checkInRows.map((c) => ({ localDate: c.localDate, pain: c.pain, redFlags: c.redFlags })),
    reading: readingRows.map((r) => ({ state: r.state, dueDate: r.dueDate, assignedDate: r.assignedDate })),
    readingTitles: readingRows.map((r) => ({ title: r.title, state: r.state, dueDate: r.dueDate })),
    itemNames,
    revisions: revisionRows.map((r) => ({
      date: r.effectiveDate,
      revision: r.revision,
      summary: r.summary,
      planStart: planById.get(r.planId)?.startDate ?? '',
      planCreated: planById.get(r.planId)?.createdAt ?? new Date(0),
    })),
  };
}

/** The plan the roster shows (and anchors the pain baseline on): active before paused, newest start; else the newest plan. */
function anchorPlan(f: PatientFacts): PlanFacts | null {
  const rank = (p: PlanFacts) => (p.status === 'active' ? 2 : p.status === 'paused' ? 1 : 0);
  return [...f.plans].sort((a, b) => rank(b) - rank(a) || b.startDate.localeCompare(a.startDate) || b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null;
}

const isCurrent = (p: PlanFacts) => p.status === 'active' || p.status === 'paused';

function sumTallies(tallies: AdherenceTally[]): AdherenceTally {
  const done = tallies.reduce((s, t) => s + t.done, 0);
  const expected = tallies.reduce((s, t) => s + t.expected, 0);
  return { done, expected, value: expected > 0 ? done / expected : null };
}

const CONTRACT_KIND: Record<string, AlertKind> = { session_hurts: 'stretch_hurts' };

function pureRoster(f: PatientFacts) {
  const window = (days: number) => {
    const { from, to } = adherenceWindow(f.today, days);
    return sumTallies(f.plans.map((p) => adherenceTally(p.history, p.logs, from, to)));
  };
  const anchor = anchorPlan(f);
  const baseline = anchor ? painBaseline(f.checkIns, anchor.startDate) : null;
  const current = currentPain(f.checkIns, f.today);
  const alerts = alertsFor({ today: f.today, plan: anchor?.history ?? null, logs: f.logs, checkIns: f.checkIns, itemNames: f.itemNames }).map((a) => ({
    kind: CONTRACT_KIND[a.kind] ?? (a.kind as AlertKind),
    reason: a.reason,
    date: a.date,
  }));
  return {
    planTitle: anchor && isCurrent(anchor) ? anchor.title : null,
    adherence7: window(7).value,
    adherence30: window(30).value,
    painBaseline: baseline,
    painNow: current,
    painChange: meaningfulChange(baseline, current),
    readingCompletion: readingCompletion(f.reading, f.today),
    monitoringDays: monitoringDays(f.logs, f.checkIns, f.today),
    alerts,
  };
}

const monday = (d: LocalDate) => addDays(d, 1 - isoWeekday(d));

function rangeFrom(f: PatientFacts, range: SeriesRange): LocalDate {
  if (range !== 'all') return addDays(f.today, -Number(range));
  const candidates = [f.today, ...f.plans.map((p) => p.startDate), ...f.checkIns.map((c) => c.localDate)];
  return candidates.sort()[0] ?? f.today;
}

function pureSeries(f: PatientFacts, range: SeriesRange) {
  const from = rangeFrom(f, range);
  const yesterday = addDays(f.today, -1);
  const firstMonday = [monday(from), monday(yesterday)].sort()[0] ?? monday(yesterday);
  const weeks = daysBetween(firstMonday, monday(yesterday)) / 7 + 1;
  const perPlanWeeks = f.plans.map((p) => weeklyAdherence(p.history, p.logs, f.today, weeks));
  const weekly = Array.from({ length: weeks }, (_, i) => {
    const rows = perPlanWeeks.map((w) => w[i]).filter((w) => w !== undefined);
    const t = sumTallies(rows);
    const first = weeklyAdherence({ startDate: f.today, endDate: null, statusChanges: [], revisions: [] }, [], f.today, weeks)[i];
    return { weekStart: first?.weekStart, value: t.value, done: t.done, expected: t.expected, isPartial: first?.isPartial };
  });
  const today = sumTallies(f.plans.map((p) => todaySoFar(p.history, p.logs, f.today)));
  const anchor = anchorPlan(f);
  const currentId = anchor && isCurrent(anchor) ? anchor.id : null;
  const perItem = f.plans.flatMap((p) =>
    perItemAdherence(p.history, p.logs, from, yesterday)
      .filter((row) => row.expected > 0 || p.id === currentId)
      .map((row) => ({ itemKey: row.itemKey, exerciseName: f.itemNames.get(row.itemKey), value: row.value, done: row.done, expected: row.expected })),
  );
  const inRange = f.logs.filter((l) => l.localDate >= from && l.localDate <= f.today);
  return {
    from,
    today: f.today,
    weekly,
    todaySoFar: { done: today.done, expected: today.expected },
    perItem,
    dailyPain: dailyPainSeries(f.checkIns, from, f.today),
    painAround: painAroundSessionsByDay(inRange).map((d) => ({ date: d.date, before: d.before, after: d.after })),
    revisions: f.revisions
      .filter((r) => r.date >= from && r.date <= f.today)
      .sort((a, b) => a.date.localeCompare(b.date) || a.planStart.localeCompare(b.planStart) || a.planCreated.getTime() - b.planCreated.getTime() || a.revision - b.revision)
      .map((r) => ({ date: r.date, revision: r.revision, summary: r.summary })),
  };
}

// Means: the SQL averages exactly (numeric) and returns a double; the pure code sums doubles.
const close = (actual: number | null | undefined, expected: number | null | undefined, label: string) => {
  if (expected === null || expected === undefined) expect(actual ?? null, label).toBeNull();
  else expect(actual, label).toBeCloseTo(expected, 9);
};

function expectRosterEqualsPure(row: RosterRow, f: PatientFacts): void {
  const pure = pureRoster(f);
  const who = f.name;
  expect(row.planTitle, `${who} planTitle`).toBe(pure.planTitle);
  expect(row.adherence7, `${who} adherence7`).toBe(pure.adherence7);
  expect(row.adherence30, `${who} adherence30`).toBe(pure.adherence30);
  close(row.painBaseline, pure.painBaseline, `${who} baseline`);
  close(row.painNow, pure.painNow, `${who} painNow`);
  expect(row.painChange, `${who} painChange`).toBe(pure.painChange);
  expect(row.readingCompletion, `${who} readingCompletion`).toBe(pure.readingCompletion);
  expect(row.monitoringDays, `${who} monitoringDays`).toBe(pure.monitoringDays);
  expect(row.alerts, `${who} alerts`).toEqual(pure.alerts);
}

function expectSeriesEqualsPure(series: PatientSeries, f: PatientFacts, range: SeriesRange): void {
  const pure = pureSeries(f, range);
  const who = `${f.name} (${range})`;
  expect(series.from, `${who} from`).toBe(pure.from);
  expect(series.today, `${who} today`).toBe(pure.today);
  expect(series.weeklyAdherence, `${who} weekly`).toEqual(pure.weekly);
  expect(series.todaySoFar, `${who} todaySoFar`).toEqual(pure.todaySoFar);
  expect(series.perItem, `${who} perItem`).toEqual(pure.perItem);
  expect(series.dailyPain.map((d) => [d.date, d.pain]), `${who} dailyPain`).toEqual(pure.dailyPain.map((d) => [d.date, d.pain]));
  series.dailyPain.forEach((d, i) => close(d.mean7, pure.dailyPain[i]?.mean7, `${who} mean7 ${d.date}`));
  expect(series.painAroundSessions.map((d) => d.date), `${who} around`).toEqual(pure.painAround.map((d) => d.date));
  series.painAroundSessions.forEach((d, i) => {
    close(d.before, pure.painAround[i]?.before, `${who} before ${d.date}`);
    close(d.after, pure.painAround[i]?.after, `${who} after ${d.date}`);
  });
  expect(series.revisions, `${who} revisions`).toEqual(pure.revisions);
  const roster = pureRoster(f);
  close(series.painBaseline, roster.painBaseline, `${who} baseline`);
  close(series.painNow, roster.painNow, `${who} painNow`);
  expect(series.painChange, `${who} painChange`).toBe(roster.painChange);
  expect(series.readingCompletion, `${who} readingCompletion`).toBe(roster.readingCompletion);
  expect(series.monitoringDays, `${who} monitoringDays`).toBe(roster.monitoringDays);
  expect(series.alerts, `${who} alerts`).toEqual(roster.alerts);
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
  expect([...series.reading].sort(byTitle), `${who} reading`).toEqual([...f.readingTitles].sort(byTitle));
}

async function auditCount(viewer: Viewer, action: string, outcome?: 'allowed' | 'denied', patientId?: string): Promise<number> {
  const [r] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorUserId, viewer.userId),
        eq(auditEvents.action, action),
        outcome ? eq(auditEvents.outcome, outcome) : undefined,
        patientId ? eq(auditEvents.patientId, patientId) : undefined,
      ),
    );
  return r?.n ?? 0;
}

// ------------------------------------------------------------------ the seeded clinics

describe('metrics on the seeded demo clinics', () => {
  let admin: Viewer;
  let maya: Viewer;
  let daniel: Viewer;
  let otherAdmin: Viewer;
  let leo: Viewer;
  let facts: PatientFacts[];
  let roster: RosterRow[];

  beforeAll(async () => {
    await seedOnce();
    admin = await viewerByEmail('priya.shah@riverside-physio.example');
    maya = await viewerByEmail('maya.okafor@riverside-physio.example');
    daniel = await viewerByEmail('daniel.reyes@riverside-physio.example');
    otherAdmin = await viewerByEmail('hana.ito@harbour-chiro.example');
    leo = await viewerByEmail('leo.fischer@harbour-chiro.example');
    const ids = await db().select({ id: patients.id }).from(patients).innerJoin(clinics, eq(clinics.id, patients.clinicId)).where(inArray(clinics.slug, ['riverside-physio', 'harbour-chiro']));
    facts = await Promise.all(ids.map((r) => loadFacts(r.id)));
    roster = (await listRoster(admin)) ?? [];
  });

  it('seeded 14 patients, each with one plan (the pure alerts take one plan)', () => {
    expect(facts).toHaveLength(14);
    for (const f of facts) expect(f.plans, f.name).toHaveLength(1);
  });

  it('listRoster(admin): every roster number equals the pure functions, for every Riverside patient', () => {
    const riverside = facts.filter((f) => roster.some((r) => r.patientId === f.id));
    expect(riverside).toHaveLength(12);
    for (const row of roster) {
      const f = facts.find((x) => x.id === row.patientId);
      if (!f) throw new Error(`unknown patient ${row.name}`);
      expect(row.name).toBe(f.name);
      expectRosterEqualsPure(row, f);
    }
  });

  it('listRoster: the other clinic equals the pure functions too', async () => {
    const rows = (await listRoster(otherAdmin)) ?? [];
    expect(rows.map((r) => r.name).sort()).toEqual(['Nina Rossi', 'Omar Haddad']);
    for (const row of rows) {
      const f = facts.find((x) => x.id === row.patientId);
      if (!f) throw new Error('unknown patient');
      expectRosterEqualsPure(row, f);
    }
  });

  it.each(['30', '90', 'all'] as const)('getPatientSeries(admin, every patient, %s) equals the pure functions', async (range) => {
    for (const f of facts.filter((x) => roster.some((r) => r.patientId === x.id))) {
      const series = await getPatientSeries(admin, f.id, range);
      if (!series) throw new Error(`no series for ${f.name}`);
      expectSeriesEqualsPure(series, f, range);
    }
  });

  it('the seeded stories show: Morgan Brooks (worsening) leads with a red flag, Taylor Kim (stopped) has missed days, Jamie Rivera (new) has no data', () => {
    const byName = (name: string) => {
      const row = roster.find((r) => r.name === name);
      if (!row) throw new Error(`${name} missing`);
      return row;
    };
    const morgan = byName('Morgan Brooks');
    expect(morgan.alerts[0]?.kind).toBe('red_flag');
    expect(morgan.painChange).toBe('worsening');
    expect(morgan.alerts.map((a) => a.kind)).toContain('pain_worsening');
    expect(roster[0]?.name).toBe('Morgan Brooks'); // red flags first on the roster too
    const taylor = byName('Taylor Kim');
    expect(taylor.alerts.map((a) => a.kind)).toContain('missed_days');
    expect(taylor.alerts.find((a) => a.kind === 'missed_days')?.reason).toMatch(/^No session logged on the last \d+ scheduled days/);
    const jamie = byName('Jamie Rivera');
    expect(jamie.adherence7).toBeNull();
    expect(jamie.adherence30).toBeNull();
    expect(jamie.alerts).toEqual([]);
    const alex = byName('Alex Morgan');
    expect(alex.adherence30).toBeGreaterThan(0.7);
    expect(alex.painChange).toBe('improving');
  });

  it('getClinicSummary buckets the roster (admin: the clinic; therapist: their caseload)', async () => {
    const summary = await getClinicSummary(admin);
    if (!summary) throw new Error('no summary');
    const bucket = (v: number | null) => (v === null ? 'no data' : v < 0.25 ? '0–25 %' : v < 0.5 ? '25–50 %' : v < 0.75 ? '50–75 %' : '75–100 %');
    const expected = new Map<string, number>();
    for (const r of roster) expected.set(bucket(r.adherence30), (expected.get(bucket(r.adherence30)) ?? 0) + 1);
    expect(summary.adherenceDistribution.map((b) => b.bucket)).toEqual(['0–25 %', '25–50 %', '50–75 %', '75–100 %', 'no data']);
    for (const b of summary.adherenceDistribution) expect(b.patients, b.bucket).toBe(expected.get(b.bucket) ?? 0);
    const pain = { improving: 0, stable: 0, worsening: 0, 'no data': 0 };
    for (const r of roster) pain[r.painChange ?? 'no data']++;
    expect(summary.painChange).toEqual(pain);
    const mine = await getClinicSummary(maya);
    expect(mine?.adherenceDistribution.reduce((s, b) => s + b.patients, 0)).toBe(7);
    await expect(getClinicSummary(await viewerByEmail('alex.morgan@riverside-physio.example'))).resolves.toBeNull();
  });

  it('scoping: a therapist sees only their patients; the other clinic sees none of them; a patient gets no roster', async () => {
    const mayaRows = (await listRoster(maya)) ?? [];
    const danielRows = (await listRoster(daniel)) ?? [];
    expect(mayaRows).toHaveLength(7);
    expect(danielRows).toHaveLength(5);
    expect(new Set([...mayaRows, ...danielRows].map((r) => r.patientId))).toEqual(new Set(roster.map((r) => r.patientId)));
    expect(mayaRows.every((r) => r.therapistName === 'Maya Okafor')).toBe(true);
    // The same numbers whoever reads them.
    for (const row of mayaRows) expect(row).toEqual(roster.find((r) => r.patientId === row.patientId));
    const leoRows = (await listRoster(leo)) ?? [];
    expect(leoRows.map((r) => r.name).sort()).toEqual(['Nina Rossi', 'Omar Haddad']);
    const patient = await viewerByEmail('alex.morgan@riverside-physio.example');
    const before = await auditCount(patient, 'roster.view', 'denied');
    await expect(listRoster(patient)).resolves.toBeNull();
    expect(await auditCount(patient, 'roster.view', 'denied')).toBe(before + 1);
  });

  it('scoping: series for clinicians in care and the patient themself only; every other read is null and audited as denied', async () => {
    const alex = facts.find((f) => f.name === 'Alex Morgan');
    const jordan = facts.find((f) => f.name === 'Jordan Lee'); // Daniel's patient
    const nina = facts.find((f) => f.name === 'Nina Rossi'); // the other clinic
    if (!alex || !jordan || !nina) throw new Error('seed patients missing');
    const alexViewer = await viewerByEmail('alex.morgan@riverside-physio.example');
    expect((await getPatientSeries(alexViewer, alex.id, '30'))?.patientId).toBe(alex.id);
    expect((await getPatientSeries(maya, alex.id, '30'))?.patientId).toBe(alex.id);
    const cases: [Viewer, string][] = [
      [alexViewer, jordan.id],
      [maya, jordan.id],
      [admin, nina.id],
      [otherAdmin, alex.id],
      [leo, alex.id],
      [admin, randomUUID()],
    ];
    for (const [viewer, id] of cases) {
      const before = await auditCount(viewer, 'patient.series', 'denied', id);
      await expect(getPatientSeries(viewer, id, '90')).resolves.toBeNull();
      expect(await auditCount(viewer, 'patient.series', 'denied', id)).toBe(before + 1);
    }
    await expect(getPatientSeries(admin, 'not-a-uuid', '30')).resolves.toBeNull();
  });

  it('audits one roster.view row per roster read and one patient.series row per series read', async () => {
    const rosterBefore = await auditCount(daniel, 'roster.view', 'allowed');
    await listRoster(daniel);
    expect(await auditCount(daniel, 'roster.view', 'allowed')).toBe(rosterBefore + 1);
    const jordan = facts.find((f) => f.name === 'Jordan Lee');
    if (!jordan) throw new Error('Jordan missing');
    const seriesBefore = await auditCount(daniel, 'patient.series', 'allowed', jordan.id);
    await getPatientSeries(daniel, jordan.id, 'all');
    expect(await auditCount(daniel, 'patient.series', 'allowed', jordan.id)).toBe(seriesBefore + 1);
  });
});

// ------------------------------------------------------------------ a crafted history

describe('metrics on a crafted history (several plans, a pause, revisions, undone and extra logs)', () => {
  let world: World;
  let facts: PatientFacts;

  beforeAll(async () => {
    world = await createWorld();
    const q = db();
    const { p1 } = world.patients; // plan: 1 item, 2 sessions a day, every day, from 10 days ago
    const clinicId = world.clinicA.id;
    const therapistId = world.viewers.t1.userId;
    const tz = 'Europe/London';
    const [row] = await q.select({ today: sql<string>`(now() at time zone ${tz})::date::text` }).from(clinics).limit(1);
    const today = row?.today ?? '';
    // An older, completed plan (weekdays only, one session a day) from 40 to 11 days ago.
    const [old] = await q
      .insert(plans)
      .values({ clinicId, patientId: p1.user.id, therapistId, title: 'Old plan', startDate: addDays(today, -40), endDate: addDays(today, -11), status: 'completed' })
      .returning();
    if (!old) throw new Error('insert failed');
    const [oldRev] = await q.insert(planRevisions).values({ clinicId, planId: old.id, revision: 1, effectiveDate: addDays(today, -40), createdBy: therapistId }).returning();
    if (!oldRev) throw new Error('insert failed');
    const [oldItem] = await q
      .insert(planItems)
      .values({ clinicId, planId: old.id, revisionId: oldRev.id, itemKey: randomUUID(), exerciseId: world.exercise.id, position: 0, sets: 1, reps: 1, holdSeconds: 0, side: 'both', sessionsPerDay: 1, daysOfWeek: [1, 2, 3, 4, 5] })
      .returning();
    if (!oldItem) throw new Error('insert failed');
    await q.insert(planStatusChanges).values([
      { clinicId, planId: old.id, status: 'active', effectiveDate: addDays(today, -40), changedBy: therapistId, changedAt: new Date(Date.now() - 50 * 86_400_000) },
      // Made later, effective earlier: a pause that overrides the resume below it from -20 on …
      { clinicId, planId: old.id, status: 'paused', effectiveDate: addDays(today, -25), changedBy: therapistId, changedAt: new Date(Date.now() - 20 * 86_400_000) },
      { clinicId, planId: old.id, status: 'active', effectiveDate: addDays(today, -22), changedBy: therapistId, changedAt: new Date(Date.now() - 30 * 86_400_000) },
      { clinicId, planId: old.id, status: 'completed', effectiveDate: addDays(today, -11), changedBy: therapistId, changedAt: new Date(Date.now() - 11 * 86_400_000) },
    ]);
    // The current plan: a pause from -6 to -5, then a revision from -3 on (weekends only, 3 a day) plus a new item.
    await q.insert(planStatusChanges).values([
      { clinicId, planId: p1.plan.id, status: 'paused', effectiveDate: addDays(today, -6), changedBy: therapistId },
      { clinicId, planId: p1.plan.id, status: 'active', effectiveDate: addDays(today, -4), changedBy: therapistId, changedAt: new Date(Date.now() + 1000) },
    ]);
    const [rev2] = await q.insert(planRevisions).values({ clinicId, planId: p1.plan.id, revision: 2, effectiveDate: addDays(today, -3), summary: 'Weekends, three a day', createdBy: therapistId }).returning();
    if (!rev2) throw new Error('insert failed');
    await q.insert(planItems).values([
      { clinicId, planId: p1.plan.id, revisionId: rev2.id, itemKey: p1.item.itemKey, exerciseId: world.exercise.id, position: 0, sets: 2, reps: 1, holdSeconds: 30, side: 'both', sessionsPerDay: 3, daysOfWeek: [6, 7] },
      { clinicId, planId: p1.plan.id, revisionId: rev2.id, itemKey: randomUUID(), exerciseId: world.exercise.id, position: 1, sets: 1, reps: 1, holdSeconds: 0, side: 'both', sessionsPerDay: 1, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] },
    ]);
    await q.update(plans).set({ currentRevision: 2 }).where(eq(plans.id, p1.plan.id));
    // Logs: extra sessions on some days (capped), one undone, some on the old plan, pain pairs that hurt.
    const log = (planItemId: string, d: number, painBefore: number | null = null, painAfter: number | null = null, undone = false) => ({
      clinicId,
      patientId: p1.user.id,
      planItemId,
      clientId: randomUUID(),
      localDate: addDays(today, d),
      setsDone: 1,
      painBefore,
      painAfter,
      requestHash: 'test',
      undoneAt: undone ? new Date() : null,
    });
    await q.insert(sessionLogs).values([
      ...[-35, -34, -33, -30, -21, -20, -19, -18, -15, -15, -12].map((d) => log(oldItem.id, d, 4, 3)),
      ...[-10, -10, -10, -9, -8, -8, -7, -2, -1].map((d) => log(p1.item.id, d, 3, d === -2 ? 7 : 2)),
      log(p1.item.id, -1, null, null, true),
      log(p1.item.id, 0),
    ]);
    await q.insert(painCheckIns).values(
      [-38, -30, -20, -12, -9, -6, -5, -3, -1, 0].map((d, i) => ({ clinicId, patientId: p1.user.id, localDate: addDays(today, d), pain: 3 + (i % 4), redFlags: [] })),
    );
    facts = await loadFacts(p1.user.id);
  });

  it('the roster numbers equal the sums of the pure functions over both plans', async () => {
    const rows = (await listRoster(world.viewers.t1)) ?? [];
    const row = rows.find((r) => r.patientId === facts.id);
    if (!row) throw new Error('p1 missing');
    const pure = pureRoster(facts);
    expect(row.adherence7).toBe(pure.adherence7);
    expect(row.adherence30).toBe(pure.adherence30);
    expect(row.adherence30).not.toBeNull();
    close(row.painBaseline, pure.painBaseline, 'baseline');
    close(row.painNow, pure.painNow, 'painNow');
    expect(row.painChange).toBe(pure.painChange);
    expect(row.monitoringDays).toBe(pure.monitoringDays);
    expect(row.alerts.map((a) => a.kind)).toContain('stretch_hurts');
    const safety = (a: { kind: AlertKind }) => a.kind === 'stretch_hurts' || a.kind === 'red_flag';
    expect(row.alerts.filter(safety)).toEqual(pure.alerts.filter(safety));
    // Another patient of the same roster has no hurting session: nothing leaks across patients.
    const other = rows.find((r) => r.patientId === world.patients.p2.user.id);
    expect(other?.alerts.map((a) => a.kind)).not.toContain('stretch_hurts');
    expect(other?.monitoringDays).toBe(0);
  });

  it.each(['30', '90', 'all'] as const)('the %s-day series equals the pure functions summed over both plans', async (range) => {
    const series = await getPatientSeries(world.viewers.t1, facts.id, range);
    if (!series) throw new Error('no series');
    const pure = pureSeries(facts, range);
    expect(series.from).toBe(pure.from);
    expect(series.weeklyAdherence).toEqual(pure.weekly);
    expect(series.todaySoFar).toEqual(pure.todaySoFar);
    expect(series.perItem).toEqual(pure.perItem);
    expect(series.revisions).toEqual(pure.revisions);
    expect(series.dailyPain.map((d) => [d.date, d.pain])).toEqual(pure.dailyPain.map((d) => [d.date, d.pain]));
  });
});
