import 'server-only';
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { painCheckIns, readingAssignments, sessionLogs } from '@/db/schema';
import type { Viewer } from '@/lib/auth/types';
import { addDays, localDateIn, type LocalDate } from '@/lib/dates';
import { actorOf, recordAudit } from './audit';
import { findPatientInScope } from './scope';

export type WeekSummary = { from: LocalDate; to: LocalDate; sessions: number; activeDays: number; painMean: number | null; checkIns: number };
export type MyProgress = { today: LocalDate; thisWeek: WeekSummary; lastWeek: WeekSummary; reading: { assigned: number; read: number } };

/**
 * The patient's own plain-words progress: the last two whole weeks (7 local days each, up to
 * yesterday, so nobody looks behind at 8 a.m.) and reading. Adherence charts build on this later.
 */
export async function getMyProgress(viewer: Viewer): Promise<MyProgress | null> {
  if (viewer.role !== 'patient') return null;
  const db = getDb();
  const patient = await findPatientInScope(db, viewer, viewer.userId, 'progress.view');
  if (!patient) return null;
  const today = localDateIn(patient.timeZone);
  const week = async (from: LocalDate, to: LocalDate): Promise<WeekSummary> => {
    const [logs] = await db
      .select({ sessions: sql<number>`count(*)::int`, activeDays: sql<number>`count(distinct ${sessionLogs.localDate})::int` })
      .from(sessionLogs)
      .where(and(eq(sessionLogs.patientId, patient.id), gte(sessionLogs.localDate, from), lt(sessionLogs.localDate, addDays(to, 1)), isNull(sessionLogs.undoneAt)));
    const [pain] = await db
      .select({ mean: sql<string | null>`avg(${painCheckIns.pain})`, n: sql<number>`count(*)::int` })
      .from(painCheckIns)
      .where(and(eq(painCheckIns.patientId, patient.id), gte(painCheckIns.localDate, from), lt(painCheckIns.localDate, addDays(to, 1))));
    return { from, to, sessions: logs?.sessions ?? 0, activeDays: logs?.activeDays ?? 0, painMean: pain?.mean === null || pain?.mean === undefined ? null : Math.round(Number(pain.mean) * 10) / 10, checkIns: pain?.n ?? 0 };
  };
  const yesterday = addDays(today, -1);
  const [thisWeek, lastWeek, [reading]] = await Promise.all([
    week(addDays(today, -7), yesterday),
    week(addDays(today, -14), addDays(today, -8)),
    db
      .select({ assigned: sql<number>`count(*)::int`, read: sql<number>`count(*) filter (where ${readingAssignments.state} in ('read', 'understood'))::int` })
      .from(readingAssignments)
      .where(and(eq(readingAssignments.patientId, patient.id), isNull(readingAssignments.removedAt))),
  ]);
  await recordAudit(db, actorOf(viewer), { action: 'progress.view', outcome: 'allowed', patientId: patient.id });
  return { today, thisWeek, lastWeek, reading: { assigned: reading?.assigned ?? 0, read: reading?.read ?? 0 } };
}
