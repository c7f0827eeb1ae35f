// Test world: two clinics with every kind of actor, each patient with an active plan.
// Every call makes fresh, uniquely named rows, so test files can run in parallel.
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { clinics, exercises, patients, planItems, planRevisions, plans, users } from '@/db/schema';
import type { Role } from '@/db/schema/enums';
import type { Viewer } from '@/lib/auth/types';
import { addDays, localDateIn } from '@/lib/dates';

export type Actor = Viewer;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

export function viewerFor(user: { id: string; role: Role; clinicId: string; name: string; email: string }): Viewer {
  return { userId: user.id, role: user.role, clinicId: user.clinicId, name: user.name, email: user.email, sessionId: randomUUID(), source: { ip: '127.0.0.1', requestId: null } };
}

export async function createUser(clinicId: string, role: Role, options: { passwordHash?: string | null; disabled?: boolean; name?: string } = {}) {
  const tag = unique();
  const [user] = await getDb()
    .insert(users)
    .values({
      clinicId,
      role,
      email: `${role}-${tag}@test.example`,
      name: options.name ?? `${role} ${tag}`,
      passwordHash: options.passwordHash ?? null,
      disabledAt: options.disabled ? new Date() : null,
    })
    .returning();
  if (!user) throw new Error('user insert failed');
  return user;
}

export async function createExercise() {
  const tag = unique();
  const [exercise] = await getDb()
    .insert(exercises)
    .values({
      slug: `test-stretch-${tag}`,
      name: `Test stretch ${tag}`,
      kind: 'stretch',
      targets: ['hip flexors'],
      equipment: ['none'],
      steps: ['Kneel.', 'Lean forward.', 'Hold.'],
      feel: 'A gentle pull.',
      cautions: ['Go gently.'],
      stopIf: ['Sharp pain.'],
      defaultSets: 2,
      defaultReps: 1,
      defaultHoldSeconds: 30,
      defaultRestSeconds: 15,
      defaultSide: 'both',
      contentHash: tag,
    })
    .returning();
  if (!exercise) throw new Error('exercise insert failed');
  return exercise;
}

/** A patient of `therapistId` in `clinicId`, with an active plan of one daily item (2 sessions a day). */
export async function createPatientWithPlan(clinicId: string, therapistId: string, exerciseId: string, timeZone = 'Europe/London') {
  const db = getDb();
  const user = await createUser(clinicId, 'patient');
  await db.insert(patients).values({ id: user.id, clinicId, primaryTherapistId: therapistId, timeZone, conditionNote: `note ${user.id.slice(0, 8)}` });
  const start = addDays(localDateIn(timeZone), -10);
  const [plan] = await db.insert(plans).values({ clinicId, patientId: user.id, therapistId, title: 'Test plan', startDate: start }).returning();
  if (!plan) throw new Error('plan insert failed');
  const [revision] = await db.insert(planRevisions).values({ clinicId, planId: plan.id, revision: 1, effectiveDate: start, createdBy: therapistId }).returning();
  if (!revision) throw new Error('revision insert failed');
  const [item] = await db
    .insert(planItems)
    .values({ clinicId, planId: plan.id, revisionId: revision.id, itemKey: randomUUID(), exerciseId, position: 0, sets: 2, reps: 1, holdSeconds: 30, side: 'both', sessionsPerDay: 2, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] })
    .returning();
  if (!item) throw new Error('plan item insert failed');
  return { user, viewer: viewerFor(user), plan, revision, item };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * Clinic A: admin, therapist T1 (patients P1, P2), therapist T2 (patient P3).
 * Clinic B: admin, therapist TB (patient PB).
 */
export async function createWorld() {
  const db = getDb();
  const [clinicA, clinicB] = await db
    .insert(clinics)
    .values([
      { slug: `clinic-a-${unique()}`, name: 'Clinic A' },
      { slug: `clinic-b-${unique()}`, name: 'Clinic B' },
    ])
    .returning();
  if (!clinicA || !clinicB) throw new Error('clinic insert failed');
  const exercise = await createExercise();
  const [adminA, t1, t2, adminB, tB] = await Promise.all([
    createUser(clinicA.id, 'admin'),
    createUser(clinicA.id, 'therapist'),
    createUser(clinicA.id, 'therapist'),
    createUser(clinicB.id, 'admin'),
    createUser(clinicB.id, 'therapist'),
  ]);
  const p1 = await createPatientWithPlan(clinicA.id, t1.id, exercise.id);
  const p2 = await createPatientWithPlan(clinicA.id, t1.id, exercise.id, 'America/New_York');
  const p3 = await createPatientWithPlan(clinicA.id, t2.id, exercise.id, 'Pacific/Auckland');
  const pB = await createPatientWithPlan(clinicB.id, tB.id, exercise.id);
  return {
    clinicA,
    clinicB,
    exercise,
    patients: { p1, p2, p3, pB },
    viewers: {
      adminA: viewerFor(adminA),
      t1: viewerFor(t1),
      t2: viewerFor(t2),
      adminB: viewerFor(adminB),
      tB: viewerFor(tB),
      p1: p1.viewer,
      p2: p2.viewer,
      p3: p3.viewer,
      pB: pB.viewer,
    },
  };
}
