import 'server-only';
import type { Queryable } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { AuditOutcome, Role } from '@/db/schema/enums';
import type { RequestSource, Viewer } from '@/lib/auth/types';

export type AuditEntry = {
  action: string;
  outcome: AuditOutcome;
  patientId?: string | null;
  clinicId?: string | null;
  /** Ids and counts only: never note text, pain values, passwords or tokens. */
  detail?: Record<string, string | number | boolean | null>;
};

type Actor = { userId: string | null; role: Role | null; clinicId: string | null; source: RequestSource };

export function actorOf(viewer: Viewer): Actor {
  return { userId: viewer.userId, role: viewer.role, clinicId: viewer.clinicId, source: viewer.source };
}

/**
 * Appends one audit row. Called inside the same transaction as the write it records, so if the
 * audit insert fails the whole request fails and nothing is written.
 */
export async function recordAudit(q: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await q.insert(auditEvents).values({
    actorUserId: actor.userId,
    actorRole: actor.role,
    clinicId: entry.clinicId ?? actor.clinicId,
    patientId: entry.patientId ?? null,
    action: entry.action,
    outcome: entry.outcome,
    sourceIp: actor.source.ip,
    requestId: actor.source.requestId,
    detail: entry.detail ?? null,
  });
}

/**
 * A viewer whose role can never use this (e.g. a therapist calling a patient-only route): audited
 * as a denied access and answered like "not found", the same as any other denial.
 */
export async function denyRole(q: Queryable, viewer: Viewer, action: string): Promise<null> {
  await recordAudit(q, actorOf(viewer), { action, outcome: 'denied', detail: { reason: 'role' } });
  return null;
}
