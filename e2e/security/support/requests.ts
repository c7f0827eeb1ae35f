// A valid request for every route in routes.ts, as each actor would send it against the subject's
// resources, plus what the fuzz suite may vary. Builders read the database at call time so a
// request always matches the current state (the plan's current items, a fresh template to delete).
import { randomBytes, randomUUID } from 'node:crypto';
import { ROUTES, type ActorKey, type RouteSpec } from '../routes';
import type { Call } from './calls';
import { many, one } from './store';
import { createTemplate, type World } from './world';

export type FieldKind = 'uuid' | 'email' | 'text' | 'token' | 'timeZone' | 'bool';

/**
 * How the fuzz suite may break a valid request:
 * - json:   the body is a strict JSON object (any extra key, a missing `required` key or a field of the wrong type is invalid);
 * - form:   FormData fields of an action; `fields` names the ones that must be valid, with their kind;
 * - args:   an action's JSON arguments; the last one is a strict object (`required` keys); `ids` are the
 *           positions of id arguments the action checks (an id it only uses to refresh a page is not input);
 * - path:   no body; the `[param]` in the path is an id;
 * - none:   nothing the caller sends is read (sign-out).
 */
export type FuzzShape =
  | { kind: 'json'; required: string[] }
  | { kind: 'form'; fields: Record<string, FieldKind> }
  | { kind: 'args'; required: string[]; ids: number[] }
  | { kind: 'path' }
  | { kind: 'none' };

export type Built = { call: Call; headers?: Record<string, string>; fuzz?: FuzzShape };
export type Builder = (w: World, actor: ActorKey) => Promise<Built>;

const ALEX_PATH = (w: World) => `/patients/${w.patientIds.alex}`;
const uniqueEmail = (label: string) => `sec-${label}-${randomUUID().slice(0, 8)}@security-suite.example`;
/** A source address per sign-in request, so per-address limits never trip across suites. */
export const freshAddress = () => `2001:db8:5ec:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}::7`;

function form(entries: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const v of Array.isArray(value) ? value : [value]) fd.append(name, v);
  return fd;
}

/** Alex's current plan and its current revision's items, as the plan builder sends them back unchanged. */
async function currentPlanInput(w: World) {
  const plan = await one<{ id: string; title: string; start_date: string; end_date: string | null; note_to_patient: string | null; current_revision: number }>(
    `select id, title, start_date::text, end_date::text, note_to_patient, current_revision from plans where id = $1`,
    [w.alex.planId],
  );
  const items = await many<{ item_key: string; exercise_id: string; sets: number; reps: number; hold_seconds: number; side: string; sessions_per_day: number; days_of_week: number[] }>(
    `select i.item_key, i.exercise_id, i.sets, i.reps, i.hold_seconds, i.side, i.sessions_per_day, i.days_of_week
     from plan_items i join plan_revisions r on r.id = i.revision_id where i.plan_id = $1 and r.revision = $2 order by i.position`,
    [plan.id, plan.current_revision],
  );
  return {
    planId: plan.id,
    title: plan.title,
    startDate: plan.start_date,
    endDate: plan.end_date,
    noteToPatient: plan.note_to_patient,
    items: items.map((i) => ({ itemKey: i.item_key, exerciseId: i.exercise_id, sets: i.sets, reps: i.reps, holdSeconds: i.hold_seconds, side: i.side, sessionsPerDay: i.sessions_per_day, daysOfWeek: i.days_of_week })),
  };
}

/** A live reading assignment of Alex's for one unassign request: not the reader's; made if there is none. */
async function freshAssignment(w: World): Promise<string> {
  const [existing] = await many<{ id: string }>(
    `select id from reading_assignments where patient_id = $1 and removed_at is null and id <> $2 and article_id <> $3 order by assigned_at desc limit 1`,
    [w.patientIds.alex, w.alex.assignmentId, w.alex.unassignedArticleId],
  );
  if (existing) return existing.id;
  return (
    await one<{ id: string }>(
      `insert into reading_assignments (clinic_id, patient_id, article_id, article_version_id, assigned_by)
       select p.clinic_id, p.id, a.id, (select v.id from article_versions v where v.article_id = a.id order by v.version desc limit 1), p.primary_therapist_id
       from patients p, articles a
       where p.id = $1 and a.clinic_id is null and a.archived_at is null and a.id <> $2
         and not exists (select 1 from reading_assignments r where r.article_id = a.id and r.patient_id = p.id and r.removed_at is null)
       order by a.slug limit 1 returning id`,
      [w.patientIds.alex, w.alex.unassignedArticleId],
    )
  ).id;
}

const signInBody = () => ({ email: uniqueEmail('nobody'), password: 'not-the-right-password-2026' });

const BUILDERS: Record<string, Builder> = {
  // Pages
  'page /': async () => ({ call: { kind: 'get', path: '/' } }),
  'page /login': async () => ({ call: { kind: 'get', path: '/login' } }),
  'page /invite/[token]': async () => ({ call: { kind: 'get', path: `/invite/${randomBytes(32).toString('base64url')}` } }),
  'page /today': async () => ({ call: { kind: 'get', path: '/today' } }),
  'page /progress': async () => ({ call: { kind: 'get', path: '/progress' } }),
  'page /read': async () => ({ call: { kind: 'get', path: '/read' } }),
  'page /read/[assignmentId]': async (w) => ({ call: { kind: 'get', path: `/read/${w.alex.assignmentId}` } }),
  'page /caseload': async () => ({ call: { kind: 'get', path: '/caseload' } }),
  'page /patients/new': async () => ({ call: { kind: 'get', path: '/patients/new' } }),
  'page /patients/[patientId]': async (w) => ({ call: { kind: 'get', path: ALEX_PATH(w) } }),
  'page /patients/[patientId]/charts': async (w) => ({ call: { kind: 'get', path: `${ALEX_PATH(w)}/charts` } }),
  'page /patients/[patientId]/plan': async (w) => ({ call: { kind: 'get', path: `${ALEX_PATH(w)}/plan` } }),
  'page /library': async () => ({ call: { kind: 'get', path: '/library' } }),
  'page /library/articles/new': async () => ({ call: { kind: 'get', path: '/library/articles/new' } }),
  'page /library/articles/[clinicArticleSlug]': async (w) => ({ call: { kind: 'get', path: `/library/articles/${w.riverside.articleSlug}` } }),
  'page /library/articles/[clinicArticleSlug]/edit': async (w) => ({ call: { kind: 'get', path: `/library/articles/${w.riverside.articleSlug}/edit` } }),
  'page /library/exercises/[exerciseSlug]': async (w) => ({ call: { kind: 'get', path: `/library/exercises/${w.exerciseSlug}` } }),
  'page /templates': async () => ({ call: { kind: 'get', path: '/templates' } }),
  'page /templates/[templateId]': async (w) => ({ call: { kind: 'get', path: `/templates/${w.riverside.templateId}` } }),
  'page /outbox': async () => ({ call: { kind: 'get', path: '/outbox' } }),
  'page /admin': async () => ({ call: { kind: 'get', path: '/admin' } }),
  'page /admin/therapists': async () => ({ call: { kind: 'get', path: '/admin/therapists' } }),
  'page /admin/patients': async () => ({ call: { kind: 'get', path: '/admin/patients' } }),
  'page /admin/audit': async () => ({ call: { kind: 'get', path: '/admin/audit' } }),
  'page /account/password': async () => ({ call: { kind: 'get', path: '/account/password' } }),

  // Route handlers
  'GET /api/health': async () => ({ call: { kind: 'get', path: '/api/health' } }),
  'GET /api/auth/session': async () => ({ call: { kind: 'get', path: '/api/auth/session' } }),
  'POST /api/auth/callback/credentials': async () => ({ call: { kind: 'json', method: 'POST', path: '/api/auth/callback/credentials', body: signInBody() }, fuzz: { kind: 'json', required: ['email', 'password'] } }),
  'POST /api/sign-in': async () => ({
    call: { kind: 'json', method: 'POST', path: '/api/sign-in', body: signInBody() },
    headers: { 'X-Forwarded-For': freshAddress() },
    fuzz: { kind: 'json', required: ['email', 'password'] },
  }),
  'POST /api/sign-out': async () => ({ call: { kind: 'json', method: 'POST', path: '/api/sign-out' }, fuzz: { kind: 'none' } }),
  'GET /api/session': async () => ({ call: { kind: 'get', path: '/api/session' } }),
  'POST /api/account/password': async () => ({
    call: { kind: 'json', method: 'POST', path: '/api/account/password', body: { currentPassword: 'not-my-current-password-2026', newPassword: 'a brand new passphrase for 2026' } },
    fuzz: { kind: 'json', required: ['currentPassword', 'newPassword'] },
  }),
  'GET /api/patients/[patientId]/series': async (w) => ({ call: { kind: 'get', path: `/api/patients/${w.patientIds.alex}/series?range=30` } }),
  'GET /api/session-logs': async () => ({ call: { kind: 'get', path: '/api/session-logs' } }),
  'POST /api/session-logs': async (w) => ({
    call: { kind: 'json', method: 'POST', path: '/api/session-logs', body: { clientId: randomUUID(), planItemId: w.alex.planItemIds[0], setsDone: 1, painBefore: 3, painAfter: 2 } },
    fuzz: { kind: 'json', required: ['clientId', 'planItemId', 'setsDone'] },
  }),
  'DELETE /api/session-logs/[logId]': async (w) => ({ call: { kind: 'json', method: 'DELETE', path: `/api/session-logs/${w.alex.todayLogId}` }, fuzz: { kind: 'path' } }),
  'PUT /api/check-ins': async () => ({ call: { kind: 'json', method: 'PUT', path: '/api/check-ins', body: { pain: 3, bodyArea: 'low_back', redFlags: [] } }, fuzz: { kind: 'json', required: ['pain'] } }),
  'POST /api/reading/[assignmentId]/progress': async (w) => ({
    call: { kind: 'json', method: 'POST', path: `/api/reading/${w.alex.assignmentId}/progress`, body: { event: 'heartbeat', seconds: 5 } },
    fuzz: { kind: 'json', required: ['event', 'seconds'] },
  }),
  'POST /api/reading/[assignmentId]/answers': async (w) => ({
    call: { kind: 'json', method: 'POST', path: `/api/reading/${w.alex.assignmentId}/answers`, body: { answers: [{ questionId: w.alex.questionIds[0], choice: 0 }] } },
    fuzz: { kind: 'json', required: ['answers'] },
  }),

  // Server actions
  'action acceptInvitationAction': async () => ({
    call: action('app/(auth)/invite/actions.ts', 'acceptInvitationAction', `/invite/${randomBytes(32).toString('base64url')}`, [
      {},
      form({ token: randomBytes(32).toString('base64url'), password: 'a long enough passphrase 2026', confirmPassword: 'a long enough passphrase 2026' }),
    ]),
    fuzz: { kind: 'form', fields: { token: 'token' } },
  }),
  'action changePasswordAction': async () => ({
    call: action('app/(account)/account/password/actions.ts', 'changePasswordAction', '/account/password', [
      {},
      form({ currentPassword: 'not-my-current-password-2026', newPassword: 'a brand new passphrase for 2026', confirmPassword: 'a brand new passphrase for 2026' }),
    ]),
    fuzz: { kind: 'form', fields: { newPassword: 'text' } },
  }),
  'action assignArticlesAction': async (w) => ({
    call: action('app/(therapist)/actions.ts', 'assignArticlesAction', ALEX_PATH(w), [
      { values: { patientId: '', articleIds: [], dueDate: '' } },
      form({ patientId: w.patientIds.alex, articleIds: w.alex.unassignedArticleId, dueDate: '' }),
    ]),
    fuzz: { kind: 'form', fields: { patientId: 'uuid', articleIds: 'uuid' } },
  }),
  'action unassignReadingAction': async (w) => ({
    call: action('app/(therapist)/actions.ts', 'unassignReadingAction', ALEX_PATH(w), [form({ assignmentId: await freshAssignment(w), patientId: w.patientIds.alex })]),
    fuzz: { kind: 'form', fields: { assignmentId: 'uuid' } },
  }),
  'action inviteTherapistAction': async () => ({
    call: action('app/(therapist)/admin/actions.ts', 'inviteTherapistAction', '/admin/therapists', [{ values: { name: '', email: '' } }, form({ name: 'Security Invited Therapist', email: uniqueEmail('therapist') })]),
    fuzz: { kind: 'form', fields: { name: 'text', email: 'email' } },
  }),
  'action setStaffDisabledAction': async (w) => ({
    call: action('app/(therapist)/admin/actions.ts', 'setStaffDisabledAction', '/admin/therapists', [{}, form({ therapistId: w.riverside.staffTargetId, disabled: 'true' })]),
    fuzz: { kind: 'form', fields: { therapistId: 'uuid' } },
  }),
  'action reassignPatientAction': async (w) => ({
    call: action('app/(therapist)/admin/actions.ts', 'reassignPatientAction', '/admin/patients', [{}, form({ patientId: w.patientIds.alex, therapistId: w.userIds.maya })]),
    fuzz: { kind: 'form', fields: { patientId: 'uuid', therapistId: 'uuid' } },
  }),
  'action addPatientAction': async (w, actor) => ({
    call: action('app/(therapist)/invitation-actions.ts', 'addPatientAction', '/patients/new', [
      { values: { name: '', email: '', timeZone: '', conditionNote: '', therapistId: '' } },
      // An admin chooses the primary therapist (one of their own clinic's).
      form({ name: 'Security Added Patient', email: uniqueEmail('patient'), timeZone: 'Europe/London', conditionNote: '', therapistId: actor === 'priya' ? w.userIds.maya : actor === 'hana' ? w.userIds.leo : '' }),
    ]),
    fuzz: { kind: 'form', fields: { name: 'text', email: 'email', timeZone: 'timeZone' } },
  }),
  'action invitationControlAction': async (w) => ({
    call: action('app/(therapist)/invitation-actions.ts', 'invitationControlAction', ALEX_PATH(w), [{}, form({ userId: w.riverside.pendingPatientId, intent: 'revoke' })]),
    fuzz: { kind: 'form', fields: { userId: 'uuid' } },
  }),
  'action saveClinicArticleAction': async (w) => ({
    call: action('app/(therapist)/library/article-actions.ts', 'saveClinicArticleAction', `/library/articles/${w.riverside.articleSlug}/edit`, [
      { values: { title: '', summary: '', body: '', takeaways: '', questions: [] } },
      form({ articleId: w.riverside.articleId, title: 'Security suite article', summary: 'A clinic article for the security suites.', body: 'Stretch gently and breathe.', takeaways: 'Go gently.' }),
    ]),
    fuzz: { kind: 'form', fields: { title: 'text', body: 'text' } },
  }),
  'action setArticlePublishedAction': async (w) => {
    // Flips the state, so an allowed request always writes.
    const { published } = await one<{ published: boolean }>('select published_at is not null as published from articles where id = $1', [w.riverside.articleId]);
    return {
      call: action('app/(therapist)/library/article-actions.ts', 'setArticlePublishedAction', `/library/articles/${w.riverside.articleSlug}`, [form({ articleId: w.riverside.articleId, published: String(!published) })]),
      fuzz: { kind: 'form', fields: { articleId: 'uuid' } },
    };
  },
  'action savePlanAction': async (w) => ({
    call: action('app/(therapist)/patients/[patientId]/plan/actions.ts', 'savePlanAction', `${ALEX_PATH(w)}/plan`, [w.patientIds.alex, await currentPlanInput(w)]),
    fuzz: { kind: 'args', required: ['title', 'startDate', 'items'], ids: [0] },
  }),
  'action setPlanStatusAction': async (w) => {
    const { status } = await one<{ status: string }>('select status::text from plans where id = $1', [w.alex.planId]);
    return {
      call: action('app/(therapist)/patients/[patientId]/plan/actions.ts', 'setPlanStatusAction', `${ALEX_PATH(w)}/plan`, [w.patientIds.alex, { planId: w.alex.planId, status: status === 'active' ? 'paused' : 'active' }]),
      fuzz: { kind: 'args', required: ['planId', 'status'], ids: [] },
    };
  },
  'action saveTemplateAction': async (w) => ({
    call: action('app/(therapist)/patients/[patientId]/plan/actions.ts', 'saveTemplateAction', `/templates/${w.riverside.templateId}`, [
      {
        templateId: w.riverside.templateId,
        name: 'Security suite template',
        purpose: 'For the security suites.',
        items: [{ exerciseId: w.alex.exerciseIds[0], sets: 2, reps: 5, holdSeconds: 20, side: 'both', sessionsPerDay: 1, daysOfWeek: [1, 3, 5] }],
      },
    ]),
    fuzz: { kind: 'args', required: ['name', 'purpose', 'items'], ids: [] },
  }),
  'action deleteTemplateAction': async (w) => {
    const templateId = await createTemplate(w.clinicIds.riverside, w.userIds.maya, w.alex.exerciseIds[0] ?? '');
    return { call: action('app/(therapist)/patients/[patientId]/plan/actions.ts', 'deleteTemplateAction', `/templates/${templateId}`, [templateId]), fuzz: { kind: 'args', required: [], ids: [0] } };
  },
};

function action(file: string, name: string, path: string, args: unknown[]): Call {
  return { kind: 'action', file, name, path, args };
}

/** The builder for a route (every route in routes.ts has one; a missing one fails the suite). */
export function builderFor(spec: RouteSpec): Builder {
  const builder = BUILDERS[spec.id];
  if (!builder) throw new Error(`no request builder for "${spec.id}" in e2e/security/support/requests.ts`);
  return builder;
}

/** Route ids listed in routes.ts with no builder here (and builders for routes that are gone). */
export function builderGaps(): { missing: string[]; extra: string[] } {
  const ids = ROUTES.map((r) => r.id);
  return { missing: ids.filter((id) => !BUILDERS[id]), extra: Object.keys(BUILDERS).filter((id) => !ids.includes(id)) };
}

/** Requests that end the actor's session need a session of their own. */
export const ENDS_SESSION = new Set(['POST /api/sign-out']);
