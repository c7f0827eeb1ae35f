import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { planItems, plans, sessionLogs } from '@/db/schema';
import type { Difficulty } from '@/db/schema/enums';
import { canLogSessionFor } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/types';
import { localDateIn, type LocalDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import type { RecordSessionLogInput } from '@/lib/validation/session-logs';
import { actorOf, denyRole, recordAudit } from './audit';
import { findPatientInScope, isUuid } from './scope';

export type RecordedSessionLog = {
  id: string;
  clientId: string;
  planItemId: string;
  /** The plan item's identity across revisions. */
  itemKey: string;
  localDate: LocalDate;
  setsDone: number;
  painBefore: number | null;
  painAfter: number | null;
  difficulty: Difficulty | null;
  note: string | null;
  undone: boolean;
};

export type RecordSessionLogResult = { log: RecordedSessionLog; created: boolean };

/** The body a client id is bound to: a retry must send the same one. */
function requestHashOf(input: RecordSessionLogInput): string {
  const canonical = JSON.stringify([input.planItemId, input.setsDone, input.painBefore ?? null, input.painAfter ?? null, input.difficulty ?? null, input.note || null, input.performedAt ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Records a session the patient did. Idempotent on (patient, clientId): a retry returns the
 * original row (created: false); the same clientId with a different body is refused (422).
 * A plan item that is not on one of the viewer's own plans is "not found" (null → 404).
 */
export async function recordSessionLog(viewer: Viewer, input: RecordSessionLogInput): Promise<RecordSessionLogResult | null> {
  const db = getDb();
  return db.transaction(async (tx) => {
    const patient = await findPatientInScope(tx, viewer, viewer.userId, 'session_log.create');
    if (!patient || !canLogSessionFor(viewer, patient)) return null;
    const [item] = await tx
      .select({ id: planItems.id, itemKey: planItems.itemKey })
      .from(planItems)
      .innerJoin(plans, eq(plans.id, planItems.planId))
      .where(and(eq(planItems.id, input.planItemId), eq(plans.patientId, patient.id), eq(plans.clinicId, patient.clinicId), ne(plans.status, 'archived')))
      .limit(1);
    if (!item) {
      await recordAudit(tx, actorOf(viewer), { action: 'session_log.create', outcome: 'denied', patientId: patient.id, detail: { reason: 'plan_item_not_in_scope' } });
      return null;
    }
    const requestHash = requestHashOf(input);
    const now = new Date();
    const performedAt = input.performedAt && Date.parse(input.performedAt) < now.getTime() ? new Date(input.performedAt) : now;
    const inserted = await tx
      .insert(sessionLogs)
      .values({
        clinicId: patient.clinicId,
        patientId: patient.id,
        planItemId: item.id,
        clientId: input.clientId,
        // Offline logs keep the day they were done on, in the patient's own time zone.
        localDate: localDateIn(patient.timeZone, performedAt),
        loggedAt: performedAt,
        setsDone: input.setsDone,
        painBefore: input.painBefore ?? null,
        painAfter: input.painAfter ?? null,
        difficulty: input.difficulty ?? null,
        note: input.note || null,
        requestHash,
      })
      .onConflictDoNothing({ target: [sessionLogs.patientId, sessionLogs.clientId] })
      .returning();
    const created = inserted[0];
    const row =
      created ??
      (await tx
        .select()
        .from(sessionLogs)
        .where(and(eq(sessionLogs.patientId, patient.id), eq(sessionLogs.clientId, input.clientId)))
        .limit(1))[0];
    if (!row) throw new Error('session log vanished between insert and select');
    if (!created && row.requestHash !== requestHash) {
      throw new AppError('invalid_input', 'This clientId was already used for a different session. Generate a new clientId for a new session.', {
        clientId: ['was already used with different values'],
      });
    }
    await recordAudit(tx, actorOf(viewer), {
      action: created ? 'session_log.create' : 'session_log.replay',
      outcome: 'allowed',
      patientId: patient.id,
      detail: { sessionLogId: row.id },
    });
    return {
      created: Boolean(created),
      log: {
        id: row.id,
        clientId: row.clientId,
        planItemId: row.planItemId,
        itemKey: item.itemKey,
        localDate: row.localDate,
        setsDone: row.setsDone,
        painBefore: row.painBefore,
        painAfter: row.painAfter,
        difficulty: row.difficulty,
        note: row.note,
        undone: row.undoneAt !== null,
      },
    };
  });
}

/** The patient's own logs of their local today (undone ones excluded). */
export async function listTodaysLogs(viewer: Viewer): Promise<RecordedSessionLog[] | null> {
  const db = getDb();
  if (viewer.role !== 'patient') return denyRole(db, viewer, 'session_log.list');
  const patient = await findPatientInScope(db, viewer, viewer.userId, 'session_log.list');
  if (!patient) return null;
  const rows = await db
    .select({ log: sessionLogs, itemKey: planItems.itemKey })
    .from(sessionLogs)
    .innerJoin(planItems, eq(planItems.id, sessionLogs.planItemId))
    .where(and(eq(sessionLogs.patientId, patient.id), eq(sessionLogs.localDate, localDateIn(patient.timeZone)), isNull(sessionLogs.undoneAt)))
    .orderBy(asc(sessionLogs.loggedAt));
  await recordAudit(db, actorOf(viewer), { action: 'session_log.list', outcome: 'allowed', patientId: patient.id });
  return rows.map(({ log: row, itemKey }) => ({
    id: row.id,
    clientId: row.clientId,
    planItemId: row.planItemId,
    itemKey,
    localDate: row.localDate,
    setsDone: row.setsDone,
    painBefore: row.painBefore,
    painAfter: row.painAfter,
    difficulty: row.difficulty,
    note: row.note,
    undone: false,
  }));
}

/**
 * Undo a log made by mistake: the patient's own, on the same local day it was logged for.
 * The row is kept (undone_at set) so a late retry of the same clientId still finds it.
 */
export async function undoSessionLog(viewer: Viewer, logId: string): Promise<{ undone: true } | null> {
  const db = getDb();
  if (viewer.role !== 'patient') return denyRole(db, viewer, 'session_log.undo');
  if (!isUuid(logId)) return null;
  return db.transaction(async (tx) => {
    const patient = await findPatientInScope(tx, viewer, viewer.userId, 'session_log.undo');
    if (!patient) return null;
    const [row] = await tx
      .select({ id: sessionLogs.id, localDate: sessionLogs.localDate, undoneAt: sessionLogs.undoneAt })
      .from(sessionLogs)
      .where(and(eq(sessionLogs.id, logId), eq(sessionLogs.patientId, patient.id)))
      .for('update')
      .limit(1);
    if (!row) {
      await recordAudit(tx, actorOf(viewer), { action: 'session_log.undo', outcome: 'denied', detail: { reason: 'not_in_scope' } });
      return null;
    }
    if (row.localDate !== localDateIn(patient.timeZone)) {
      throw new AppError('conflict', 'Only a session logged today can be undone.');
    }
    if (!row.undoneAt) await tx.update(sessionLogs).set({ undoneAt: sql`now()` }).where(eq(sessionLogs.id, row.id));
    await recordAudit(tx, actorOf(viewer), { action: 'session_log.undo', outcome: 'allowed', patientId: patient.id, detail: { sessionLogId: row.id } });
    return { undone: true } as const;
  });
}
