// The ONE list of everything the app answers over HTTP: every page, every route handler method
// and every server action, with the access each demo actor must get, derived from the written
// policy (lib/auth/policy.ts). scripts/security/route-list.test.ts fails when a page, method or
// action exists in app/ and is missing here (or is listed here and gone), so a new route is
// covered by the matrix, leak, forged-field, CSRF and fuzz suites or the build fails.
import type { Role } from '../../db/schema/enums';
import { canAccessPatient, type PatientRelation } from '../../lib/auth/policy';

export type ActorKey = 'alex' | 'jordan' | 'nina' | 'maya' | 'daniel' | 'leo' | 'priya' | 'hana' | 'anon';
export type ClinicKey = 'riverside' | 'harbour';

/** The demo actors, by their relationship to the subject patient (Alex, Riverside, in Maya's care). */
export const ACTORS: Record<ActorKey, { email: string | null; role: Role | null; clinic: ClinicKey | null; relation: string }> = {
  alex: { email: 'alex.morgan@riverside-physio.example', role: 'patient', clinic: 'riverside', relation: 'the subject patient' },
  jordan: { email: 'jordan.lee@riverside-physio.example', role: 'patient', clinic: 'riverside', relation: 'another patient of the same clinic' },
  nina: { email: 'nina.rossi@harbour-chiro.example', role: 'patient', clinic: 'harbour', relation: 'a patient of another clinic' },
  maya: { email: 'maya.okafor@riverside-physio.example', role: 'therapist', clinic: 'riverside', relation: "the subject patient's therapist" },
  daniel: { email: 'daniel.reyes@riverside-physio.example', role: 'therapist', clinic: 'riverside', relation: "another patient's therapist, same clinic" },
  leo: { email: 'leo.fischer@harbour-chiro.example', role: 'therapist', clinic: 'harbour', relation: 'a therapist of another clinic' },
  priya: { email: 'priya.shah@riverside-physio.example', role: 'admin', clinic: 'riverside', relation: "the subject patient's clinic admin" },
  hana: { email: 'hana.ito@harbour-chiro.example', role: 'admin', clinic: 'harbour', relation: 'the admin of another clinic' },
  anon: { email: null, role: null, clinic: null, relation: 'nobody signed in' },
};
export const ACTOR_KEYS = Object.keys(ACTORS) as ActorKey[];

/** Patients whose data the suites plant markers in; `therapist` is their primary therapist. */
export const PATIENTS = {
  alex: { email: 'alex.morgan@riverside-physio.example', clinic: 'riverside', therapist: 'maya' },
  jordan: { email: 'jordan.lee@riverside-physio.example', clinic: 'riverside', therapist: 'daniel' },
  nina: { email: 'nina.rossi@harbour-chiro.example', clinic: 'harbour', therapist: 'leo' },
  omar: { email: 'omar.haddad@harbour-chiro.example', clinic: 'harbour', therapist: 'leo' },
} as const satisfies Record<string, { email: string; clinic: ClinicKey; therapist: ActorKey }>;
export type PatientKey = keyof typeof PATIENTS;
export const PATIENT_KEYS = Object.keys(PATIENTS) as PatientKey[];

/** The policy applied to an actor and a patient, by key (ids are the keys themselves: the policy only compares them). */
export function actorMaySee(actor: ActorKey, patient: PatientKey): boolean {
  const a = ACTORS[actor];
  if (!a.role || !a.clinic) return false;
  const p = PATIENTS[patient];
  const relation: PatientRelation = { id: patient, clinicId: p.clinic, primaryTherapistId: p.therapist };
  return canAccessPatient({ userId: actor, role: a.role, clinicId: a.clinic }, relation);
}

export type Kind = 'page' | 'route' | 'action';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a request must get:
 * - ok:       the page renders (200) / the handler answers 2xx / the action runs;
 * - notFound: 404 for pages and route handlers; for an action, an error state (never data) — and
 *             for a mutation nothing written; audited as `denied` when the route says so;
 * - toLogin:  pages and actions redirect to /login; route handlers answer 401;
 * - toHome:   a page or action that is not for this role redirects to the actor's own home;
 * - refused:  a 4xx for everyone (an endpoint that is not a way in).
 */
export type Outcome = 'ok' | 'notFound' | 'toLogin' | 'toHome' | 'refused';

/**
 * What the route's resource is, relative to the actor:
 * - none:    nothing patient- or clinic-specific (the actor's own lists, the built-in library);
 * - self:    the signed-in patient's own data (no id in the request);
 * - patient: the subject patient's data (Alex): the policy decides;
 * - clinic:  a resource of the subject patient's clinic (Riverside): same clinic only.
 */
export type Subject = 'none' | 'self' | 'patient' | 'clinic';

export type RouteSpec = {
  /** Unique, stable id (also the key of the request builders in support/requests.ts). */
  id: string;
  kind: Kind;
  /** The source file under app/. */
  file: string;
  /** Path template; [param] segments are filled from the test world (support/world.ts). */
  path: string;
  method: Method;
  /** Route handlers: the exported method; actions: the exported function name. */
  exportName?: string;
  mutation: boolean;
  /** 'public' = no sign-in needed; otherwise the roles the route is for. */
  audience: 'public' | readonly Role[];
  subject: Subject;
  /**
   * Which notFound denials write an audit row with outcome 'denied' for the actor:
   * 'all', or 'in-role' (only actors of the route's audience; other roles are turned away before the DAL looks).
   */
  audit: 'all' | 'in-role' | 'none';
  /** A per-actor exception to the derived outcome, with the reason. */
  override?: { outcome: (actor: ActorKey) => Outcome | undefined; why: string };
};

const CLINICIANS = ['therapist', 'admin'] as const;
const PATIENT_ONLY = ['patient'] as const;
const ADMIN_ONLY = ['admin'] as const;

const page = (file: string, path: string, audience: RouteSpec['audience'], subject: Subject, audit: RouteSpec['audit'] = 'none', override?: RouteSpec['override']): RouteSpec => ({
  id: `page ${path}`,
  kind: 'page',
  file,
  path,
  method: 'GET',
  mutation: false,
  audience,
  subject,
  audit,
  override,
});

const route = (file: string, path: string, method: Method, audience: RouteSpec['audience'], subject: Subject, audit: RouteSpec['audit'], override?: RouteSpec['override']): RouteSpec => ({
  id: `${method} ${path}`,
  kind: 'route',
  file,
  path,
  method,
  exportName: method,
  mutation: method !== 'GET',
  audience,
  subject,
  audit,
  override,
});

const action = (file: string, exportName: string, audience: RouteSpec['audience'], subject: Subject, audit: RouteSpec['audit'], override?: RouteSpec['override']): RouteSpec => ({
  id: `action ${exportName}`,
  kind: 'action',
  file,
  path: '',
  method: 'POST',
  exportName,
  mutation: true,
  audience,
  subject,
  audit,
  override,
});

const ALL_ROLES = ['patient', 'therapist', 'admin'] as const;
const notAWayIn: RouteSpec['override'] = { outcome: () => 'refused', why: "next-auth's own endpoints answer 404: signing in is POST /api/sign-in" };
const signedInGoHome: RouteSpec['override'] = { outcome: (a) => (a === 'anon' ? undefined : 'toHome'), why: 'a signed-in person is sent to their own home' };

export const ROUTES: readonly RouteSpec[] = [
  // Pages
  page('app/page.tsx', '/', 'public', 'none', 'none', { outcome: (a) => (a === 'anon' ? 'toLogin' : 'toHome'), why: 'the root only redirects' }),
  page('app/(auth)/login/page.tsx', '/login', 'public', 'none', 'none', signedInGoHome),
  page('app/(auth)/invite/[token]/page.tsx', '/invite/[token]', 'public', 'none'),
  page('app/(patient)/today/page.tsx', '/today', PATIENT_ONLY, 'self', 'in-role'),
  page('app/(patient)/progress/page.tsx', '/progress', PATIENT_ONLY, 'self', 'in-role'),
  page('app/(patient)/read/page.tsx', '/read', PATIENT_ONLY, 'self', 'in-role'),
  page('app/(patient)/read/[assignmentId]/page.tsx', '/read/[assignmentId]', PATIENT_ONLY, 'patient', 'in-role'),
  page('app/(therapist)/caseload/page.tsx', '/caseload', CLINICIANS, 'none'),
  page('app/(therapist)/patients/new/page.tsx', '/patients/new', CLINICIANS, 'none'),
  page('app/(therapist)/patients/[patientId]/page.tsx', '/patients/[patientId]', CLINICIANS, 'patient', 'in-role'),
  page('app/(therapist)/patients/[patientId]/charts/page.tsx', '/patients/[patientId]/charts', CLINICIANS, 'patient', 'in-role'),
  page('app/(therapist)/patients/[patientId]/plan/page.tsx', '/patients/[patientId]/plan', CLINICIANS, 'patient', 'in-role'),
  page('app/(therapist)/library/page.tsx', '/library', CLINICIANS, 'none'),
  page('app/(therapist)/library/articles/new/page.tsx', '/library/articles/new', CLINICIANS, 'none'),
  page('app/(therapist)/library/articles/[slug]/page.tsx', '/library/articles/[clinicArticleSlug]', CLINICIANS, 'clinic'),
  page('app/(therapist)/library/articles/[slug]/edit/page.tsx', '/library/articles/[clinicArticleSlug]/edit', CLINICIANS, 'clinic'),
  page('app/(therapist)/library/exercises/[slug]/page.tsx', '/library/exercises/[exerciseSlug]', CLINICIANS, 'none'),
  page('app/(therapist)/templates/page.tsx', '/templates', CLINICIANS, 'none'),
  page('app/(therapist)/templates/[templateId]/page.tsx', '/templates/[templateId]', CLINICIANS, 'clinic'),
  page('app/(therapist)/outbox/page.tsx', '/outbox', CLINICIANS, 'none'),
  page('app/(therapist)/admin/page.tsx', '/admin', ADMIN_ONLY, 'none', 'none', { outcome: (a) => (ACTORS[a].role === 'admin' ? 'toHome' : undefined), why: '/admin redirects admins to /admin/therapists' }),
  page('app/(therapist)/admin/therapists/page.tsx', '/admin/therapists', ADMIN_ONLY, 'none'),
  page('app/(therapist)/admin/patients/page.tsx', '/admin/patients', ADMIN_ONLY, 'none'),
  page('app/(therapist)/admin/audit/page.tsx', '/admin/audit', ADMIN_ONLY, 'none'),
  page('app/(account)/account/password/page.tsx', '/account/password', ALL_ROLES, 'self'),

  // Route handlers
  route('app/api/health/route.ts', '/api/health', 'GET', 'public', 'none', 'none'),
  route('app/api/auth/[...nextauth]/route.ts', '/api/auth/session', 'GET', 'public', 'none', 'none', notAWayIn),
  route('app/api/auth/[...nextauth]/route.ts', '/api/auth/callback/credentials', 'POST', 'public', 'none', 'none', notAWayIn),
  route('app/api/sign-in/route.ts', '/api/sign-in', 'POST', 'public', 'none', 'none', {
    outcome: () => 'refused',
    why: 'the matrix signs in with an unknown account (401 whoever asks); sign-in.spec.ts covers the rest',
  }),
  route('app/api/sign-out/route.ts', '/api/sign-out', 'POST', 'public', 'none', 'none'),
  route('app/api/session/route.ts', '/api/session', 'GET', ALL_ROLES, 'self', 'none'),
  route('app/api/account/password/route.ts', '/api/account/password', 'POST', ALL_ROLES, 'self', 'none', {
    outcome: (a) => (a === 'anon' ? undefined : 'refused'),
    why: 'the matrix sends a wrong current password (422) so no demo password changes',
  }),
  route('app/api/patients/[patientId]/series/route.ts', '/api/patients/[patientId]/series', 'GET', ['patient', 'therapist', 'admin'], 'patient', 'all'),
  route('app/api/session-logs/route.ts', '/api/session-logs', 'GET', PATIENT_ONLY, 'self', 'all'),
  route('app/api/session-logs/route.ts', '/api/session-logs', 'POST', PATIENT_ONLY, 'patient', 'all'),
  route('app/api/session-logs/[logId]/route.ts', '/api/session-logs/[logId]', 'DELETE', PATIENT_ONLY, 'patient', 'all'),
  route('app/api/check-ins/route.ts', '/api/check-ins', 'PUT', PATIENT_ONLY, 'self', 'all'),
  route('app/api/reading/[assignmentId]/progress/route.ts', '/api/reading/[assignmentId]/progress', 'POST', PATIENT_ONLY, 'patient', 'all'),
  route('app/api/reading/[assignmentId]/answers/route.ts', '/api/reading/[assignmentId]/answers', 'POST', PATIENT_ONLY, 'patient', 'all'),

  // Server actions
  action('app/(auth)/invite/actions.ts', 'acceptInvitationAction', 'public', 'none', 'none', {
    outcome: () => 'notFound',
    why: 'the matrix sends an unknown invitation token: the link is "closed" for everyone',
  }),
  action('app/(account)/account/password/actions.ts', 'changePasswordAction', ALL_ROLES, 'self', 'none', {
    outcome: (a) => (a === 'anon' ? undefined : 'notFound'),
    why: 'the matrix sends a wrong current password (an error state) so no demo password changes',
  }),
  action('app/(therapist)/actions.ts', 'assignArticlesAction', CLINICIANS, 'patient', 'in-role'),
  action('app/(therapist)/actions.ts', 'unassignReadingAction', CLINICIANS, 'patient', 'in-role'),
  action('app/(therapist)/admin/actions.ts', 'inviteTherapistAction', ADMIN_ONLY, 'none', 'none'),
  action('app/(therapist)/admin/actions.ts', 'setStaffDisabledAction', ADMIN_ONLY, 'clinic', 'in-role'),
  action('app/(therapist)/admin/actions.ts', 'reassignPatientAction', ADMIN_ONLY, 'patient', 'in-role'),
  action('app/(therapist)/invitation-actions.ts', 'addPatientAction', CLINICIANS, 'none', 'none'),
  action('app/(therapist)/invitation-actions.ts', 'invitationControlAction', CLINICIANS, 'patient', 'in-role'),
  action('app/(therapist)/library/article-actions.ts', 'saveClinicArticleAction', CLINICIANS, 'clinic', 'in-role'),
  action('app/(therapist)/library/article-actions.ts', 'setArticlePublishedAction', CLINICIANS, 'clinic', 'in-role'),
  action('app/(therapist)/patients/[patientId]/plan/actions.ts', 'savePlanAction', CLINICIANS, 'patient', 'in-role'),
  action('app/(therapist)/patients/[patientId]/plan/actions.ts', 'setPlanStatusAction', CLINICIANS, 'patient', 'in-role'),
  action('app/(therapist)/patients/[patientId]/plan/actions.ts', 'saveTemplateAction', CLINICIANS, 'clinic', 'none'),
  action('app/(therapist)/patients/[patientId]/plan/actions.ts', 'deleteTemplateAction', CLINICIANS, 'clinic', 'none'),
];

/** The outcome the policy gives `actor` on `spec`. */
export function expectedOutcome(spec: RouteSpec, actor: ActorKey): Outcome {
  const overridden = spec.override?.outcome(actor);
  if (overridden) return overridden;
  if (spec.audience === 'public') return 'ok';
  const a = ACTORS[actor];
  if (!a.role) return 'toLogin';
  // Route handlers have no home to send a wrong role to: the DAL finds nothing of theirs (404).
  if (!spec.audience.includes(a.role)) return spec.kind === 'route' ? 'notFound' : 'toHome';
  switch (spec.subject) {
    case 'none':
    case 'self':
      return 'ok';
    case 'patient':
      return actorMaySee(actor, 'alex') ? 'ok' : 'notFound';
    case 'clinic':
      return a.clinic === PATIENTS.alex.clinic ? 'ok' : 'notFound';
  }
}

/** Whether a notFound for this actor must leave an audit row with outcome 'denied'. */
export function denialAudited(spec: RouteSpec, actor: ActorKey): boolean {
  const role = ACTORS[actor].role;
  if (spec.audit === 'none' || !role) return false;
  if (spec.audit === 'all') return true;
  return spec.audience !== 'public' && spec.audience.includes(role);
}

export const MUTATIONS = ROUTES.filter((r) => r.mutation);
export const READS = ROUTES.filter((r) => !r.mutation);
