// The state the security suites need, arranged once per worker on the e2e database: every actor's
// id and a signed-in session cookie (scripts/lib/session-cookie.ts), the subject patient's (Alex's)
// plan, reading, logs, a Riverside clinic article and template, a staff member and a pending
// invitation to act on, and a unique marker string planted in every seeded patient's data.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { canAccessPatient } from '../../../lib/auth/policy';
import type { Role } from '../../../db/schema/enums';
import { mintSession } from '../../../scripts/lib/session-cookie';
import { ACTOR_KEYS, ACTORS, PATIENTS, type ActorKey, type ClinicKey, type PatientKey } from '../routes';
import { authSecret } from './env';
import { db, many, one } from './store';

export type SeededPatient = { id: string; name: string; email: string; clinicId: string; therapistId: string; marker: string };

export type World = {
  clinicIds: Record<ClinicKey, string>;
  userIds: Record<Exclude<ActorKey, 'anon'>, string>;
  patientIds: Record<PatientKey, string>;
  /** Every seeded patient, with the marker planted in their condition note, plan note, a session note and a check-in note. */
  seeded: SeededPatient[];
  alex: {
    planId: string;
    planItemIds: string[];
    exerciseIds: string[];
    /** A live reading assignment with check questions. */
    assignmentId: string;
    questionIds: string[];
    /** A built-in article Alex has not been given. */
    unassignedArticleId: string;
    /** A session Alex logged today (undo is allowed for today's logs only). */
    todayLogId: string;
  };
  riverside: { articleId: string; articleSlug: string; templateId: string; staffTargetId: string; pendingPatientId: string };
  exerciseSlug: string;
};

let cached: Promise<World> | null = null;

/** The world for this worker (arranged on first use). */
export function world(): Promise<World> {
  cached ??= arrange();
  return cached;
}

const sessions = new Map<ActorKey, string>();

/** Cookie header value for the actor's long-lived session in this worker ('' for anon). */
export async function cookieFor(actor: ActorKey): Promise<string> {
  const email = ACTORS[actor].email;
  if (!email) return '';
  const existing = sessions.get(actor);
  if (existing) return existing;
  const minted = await freshCookie(actor);
  sessions.set(actor, minted);
  return minted;
}

/** A new session for the actor (for requests that end their session, such as sign-out). */
export async function freshSession(actor: ActorKey): Promise<{ cookie: string; sessionId: string | null }> {
  const email = ACTORS[actor].email;
  if (!email) return { cookie: '', sessionId: null };
  const client = await db().connect();
  try {
    const minted = await mintSession({ client, email, secret: authSecret() });
    return { cookie: minted.cookie, sessionId: minted.sessionId };
  } finally {
    client.release();
  }
}

export async function freshCookie(actor: ActorKey): Promise<string> {
  return (await freshSession(actor)).cookie;
}

/** Whether the policy lets `actor` see a seeded patient, from the rows' real relations. */
export function maySee(w: World, actor: ActorKey, patient: SeededPatient): boolean {
  const a = ACTORS[actor];
  if (actor === 'anon' || !a.role || !a.clinic) return false;
  const viewer: { userId: string; role: Role; clinicId: string } = { userId: w.userIds[actor], role: a.role, clinicId: w.clinicIds[a.clinic] };
  return canAccessPatient(viewer, { id: patient.id, clinicId: patient.clinicId, primaryTherapistId: patient.therapistId });
}

const idOf = async (email: string) => (await one<{ id: string }>('select id from users where email = $1', [email])).id;

async function arrange(): Promise<World> {
  const clinicRows = await many<{ id: string; slug: string }>(`select id, slug from clinics where slug in ('riverside-physio', 'harbour-chiro')`);
  const clinicId = (slug: string) => {
    const row = clinicRows.find((r) => r.slug === slug);
    if (!row) throw new Error(`the demo clinic ${slug} is not seeded`);
    return row.id;
  };
  const clinicIds: Record<ClinicKey, string> = { riverside: clinicId('riverside-physio'), harbour: clinicId('harbour-chiro') };

  const userIds = {} as Record<Exclude<ActorKey, 'anon'>, string>;
  for (const key of ACTOR_KEYS) {
    const email = ACTORS[key].email;
    if (key !== 'anon' && email) userIds[key] = await idOf(email);
  }
  const patientIds = {} as Record<PatientKey, string>;
  for (const key of Object.keys(PATIENTS) as PatientKey[]) patientIds[key] = await idOf(PATIENTS[key].email);

  // One marker per seeded patient, planted where pages and APIs render patient data.
  const patientRows = await many<{ id: string; name: string; email: string; clinic_id: string; primary_therapist_id: string }>(
    `select p.id, u.name, u.email, p.clinic_id, p.primary_therapist_id from patients p join users u on u.id = p.id
     where u.password_hash is not null and p.clinic_id = any($1::uuid[]) and u.email like '%.example' and u.email not like 'sec-%' order by u.email`,
    [[clinicIds.riverside, clinicIds.harbour]],
  );
  const run = randomBytes(3).toString('hex');
  const seeded: SeededPatient[] = patientRows.map((r, i) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    clinicId: r.clinic_id,
    therapistId: r.primary_therapist_id,
    marker: `MRK${run}X${String(i).padStart(2, '0')}${randomBytes(3).toString('hex')}`,
  }));
  for (const p of seeded) {
    await db().query('update patients set condition_note = $2 where id = $1', [p.id, `Condition note ${p.marker}`]);
    await db().query(`update plans set note_to_patient = $2 where patient_id = $1 and status in ('active', 'paused')`, [p.id, `Plan note ${p.marker}`]);
    await db().query(`update session_logs set note = $2 where id = (select id from session_logs where patient_id = $1 and undone_at is null order by logged_at desc limit 1)`, [p.id, `Session note ${p.marker}`]);
    await db().query(`update pain_check_ins set note = $2 where id = (select id from pain_check_ins where patient_id = $1 order by local_date desc limit 1)`, [p.id, `Check-in note ${p.marker}`]);
  }

  const alexId = patientIds.alex;
  const plan = await one<{ id: string; current_revision: number }>(`select id, current_revision from plans where patient_id = $1 and status in ('active', 'paused') order by created_at desc limit 1`, [alexId]);
  const items = await many<{ id: string; exercise_id: string }>(
    `select i.id, i.exercise_id from plan_items i join plan_revisions r on r.id = i.revision_id where i.plan_id = $1 and r.revision = $2 order by i.position`,
    [plan.id, plan.current_revision],
  );
  const firstItem = items[0];
  if (!firstItem) throw new Error("Alex's plan has no items");
  const assignment = await one<{ id: string; version_id: string }>(
    `select a.id, a.article_version_id as version_id from reading_assignments a
     where a.patient_id = $1 and a.removed_at is null and exists (select 1 from article_questions q where q.article_version_id = a.article_version_id)
     order by a.assigned_at limit 1`,
    [alexId],
  );
  const questions = await many<{ id: string }>('select id from article_questions where article_version_id = $1 order by position', [assignment.version_id]);
  // A built-in article Alex does not have live (one is freed if every article is assigned).
  const unassigned = await one<{ id: string }>(
    `select a.id from articles a where a.clinic_id is null and a.archived_at is null
     and a.id <> (select article_id from reading_assignments where id = $2)
     order by exists (select 1 from reading_assignments r where r.article_id = a.id and r.patient_id = $1 and r.removed_at is null), a.slug limit 1`,
    [alexId, assignment.id],
  );
  await db().query('update reading_assignments set removed_at = now() where patient_id = $1 and article_id = $2 and removed_at is null', [alexId, unassigned.id]);
  const todayLog = await one<{ id: string }>(
    `insert into session_logs (clinic_id, patient_id, plan_item_id, client_id, local_date, sets_done, request_hash)
     select p.clinic_id, p.id, $2, $3, (now() at time zone p.time_zone)::date, 1, 'security-suite' from patients p where p.id = $1 returning id`,
    [alexId, firstItem.id, randomUUID()],
  );

  // Riverside resources the clinic's staff may act on and another clinic's may not.
  const maya = userIds.maya;
  const article = await createClinicArticle(clinicIds.riverside, maya, `sec-article-${run}`);
  const templateId = await createTemplate(clinicIds.riverside, maya, firstItem.exercise_id);
  const staffTarget = await one<{ id: string }>(
    `insert into users (clinic_id, email, name, role) values ($1, $2, 'Security Target Therapist', 'therapist') returning id`,
    [clinicIds.riverside, `sec-staff-${run}@riverside-physio.example`],
  );
  const pendingPatientId = await createPendingPatient(clinicIds.riverside, maya, `sec-pending-${run}@riverside-physio.example`);
  const exercise = await one<{ slug: string }>('select slug from exercises where clinic_id is null order by slug limit 1');

  return {
    clinicIds,
    userIds,
    patientIds,
    seeded,
    alex: {
      planId: plan.id,
      planItemIds: items.map((i) => i.id),
      exerciseIds: items.map((i) => i.exercise_id),
      assignmentId: assignment.id,
      questionIds: questions.map((q) => q.id),
      unassignedArticleId: unassigned.id,
      todayLogId: todayLog.id,
    },
    riverside: { articleId: article.id, articleSlug: article.slug, templateId, staffTargetId: staffTarget.id, pendingPatientId },
    exerciseSlug: exercise.slug,
  };
}

/** A published clinic article with one version (no questions). */
export async function createClinicArticle(clinicId: string, authorId: string, slug: string): Promise<{ id: string; slug: string }> {
  const article = await one<{ id: string }>(`insert into articles (clinic_id, slug, created_by, published_at) values ($1, $2, $3, now()) returning id`, [clinicId, slug, authorId]);
  await db().query(
    `insert into article_versions (article_id, version, title, summary, body_markdown, takeaways, reading_minutes, reading_grade, word_count, content_hash, created_by)
     values ($1, 1, 'Security suite article', 'A clinic article for the security suites.', 'Stretch gently and breathe.', '["Go gently."]'::jsonb, 1, 5, 4, $2, $3)`,
    [article.id, createHash('sha256').update(slug).digest('hex'), authorId],
  );
  return { id: article.id, slug };
}

/** A clinic plan template with one item. */
export async function createTemplate(clinicId: string, authorId: string, exerciseId: string): Promise<string> {
  const template = await one<{ id: string }>(
    `insert into plan_templates (clinic_id, slug, name, purpose, created_by) values ($1, $2, 'Security suite template', 'For the security suites.', $3) returning id`,
    [clinicId, `sec-template-${randomUUID().slice(0, 8)}`, authorId],
  );
  await db().query(
    `insert into plan_template_items (template_id, exercise_id, position, sets, reps, hold_seconds, side, sessions_per_day, days_of_week) values ($1, $2, 0, 2, 5, 20, 'both', 1, '{1,3,5}')`,
    [template.id, exerciseId],
  );
  return template.id;
}

/** An invited patient of `therapistId` who has not set a password yet, with an open invitation. */
async function createPendingPatient(clinicId: string, therapistId: string, email: string): Promise<string> {
  const user = await one<{ id: string }>(`insert into users (clinic_id, email, name, role) values ($1, $2, 'Pending Security Patient', 'patient') returning id`, [clinicId, email]);
  await db().query(`insert into patients (id, clinic_id, primary_therapist_id, time_zone) values ($1, $2, $3, 'Europe/London')`, [user.id, clinicId, therapistId]);
  await db().query(`insert into invitations (clinic_id, user_id, role, token_hash, created_by) values ($1, $2, 'patient', $3, $4)`, [
    clinicId,
    user.id,
    createHash('sha256').update(randomBytes(32)).digest('hex'),
    therapistId,
  ]);
  return user.id;
}
