// Security e2e support for the header, sign-in and session suites: throwaway accounts, minted
// sessions and fake source addresses, on the e2e database (support/store.ts, support/env.ts), to
// arrange state the HTTP API cannot (an idle session, a disabled user) and read what was recorded.
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../../../db/demo-accounts';
import { hashPassword } from '../../../lib/auth/password';
import { mintSession, type MintedSession } from '../../../scripts/lib/session-cookie';
import { authSecret } from './env';
import { db, many } from './store';

/** Runs one parameterised statement and returns its rows. */
export const sql = many;

/** A signed-in session for this email without the sign-in form (a real auth_sessions row + the JWT cookie). */
export async function mint(email: string, options: { cookieName?: string } = {}): Promise<MintedSession> {
  const client = await db().connect();
  try {
    return await mintSession({ client, email, secret: authSecret(), cookieName: options.cookieName });
  } finally {
    client.release();
  }
}

export type ThrowawayUser = { id: string; email: string; password: string };

/** One password (and its argon2id hash, made as the app makes them) for every throwaway account of this worker. */
const THROWAWAY_PASSWORD = `throwaway ${randomUUID()}`;
let throwawayHash: Promise<string> | undefined;

/**
 * A new therapist in the demo clinic with its own password, so lockouts, disabling and password
 * changes never touch a demo account (and other suites' changes to demo accounts never matter).
 */
export async function createThrowawayUser(label = 'sec'): Promise<ThrowawayUser> {
  throwawayHash ??= hashPassword(THROWAWAY_PASSWORD);
  const email = `${label}-${randomUUID().slice(0, 12)}@throwaway.example`;
  const [row] = await sql<{ id: string }>(
    `insert into users (clinic_id, email, name, role, password_hash)
     select clinic_id, $1, 'Throwaway Tester', 'therapist', $3 from users where email = $2
     returning id`,
    [email, DEMO_ACCOUNTS.therapist.email, await throwawayHash],
  );
  if (!row) throw new Error('createThrowawayUser: the demo clinic is missing');
  return { id: row.id, email, password: THROWAWAY_PASSWORD };
}

/** A fresh source address per test (IPv6 documentation range), sent as X-Forwarded-For, so per-address limits never leak between tests or runs. */
export function uniqueAddress(): string {
  const hex = randomBytes(8).toString('hex').match(/.{4}/g) ?? [];
  return `2001:db8:${hex.join(':')}::1`;
}

/**
 * A new patient (same password) of a new throwaway therapist (returned too), with an active one-item plan due
 * every day, so a Today page with something to do exists whatever other suites did to the seeded
 * patients' plans (pausing, revising, logging).
 */
export async function createThrowawayPatient(label = 'sec-patient'): Promise<ThrowawayUser & { therapist: ThrowawayUser }> {
  const therapist = await createThrowawayUser(`${label}-therapist`);
  const email = `${label}-${randomUUID().slice(0, 12)}@throwaway.example`;
  const [row] = await sql<{ id: string }>(
    `with u as (
       insert into users (clinic_id, email, name, role, password_hash)
       select clinic_id, $1, 'Throwaway Patient', 'patient', password_hash from users where id = $2
       returning id, clinic_id
     ), p as (
       insert into patients (id, clinic_id, primary_therapist_id, time_zone) select id, clinic_id, $2, 'UTC' from u returning id, clinic_id
     ), pl as (
       insert into plans (clinic_id, patient_id, therapist_id, title, start_date)
       select clinic_id, id, $2, 'Throwaway plan', (now() at time zone 'UTC')::date - 1 from p
       returning id, clinic_id, start_date
     ), sc as (
       insert into plan_status_changes (clinic_id, plan_id, status, effective_date, changed_by) select clinic_id, id, 'active', start_date, $2 from pl
     ), rev as (
       insert into plan_revisions (clinic_id, plan_id, revision, effective_date, created_by) select clinic_id, id, 1, start_date, $2 from pl
       returning id, plan_id, clinic_id
     ), it as (
       insert into plan_items (clinic_id, plan_id, revision_id, item_key, exercise_id, position, sets, reps, hold_seconds, side, sessions_per_day, days_of_week)
       select clinic_id, plan_id, id, gen_random_uuid(), (select exercise_id from plan_items order by id limit 1), 0, 2, 5, 20, 'both', 1, '{1,2,3,4,5,6,7}' from rev
     )
     select id from u`,
    [email, therapist.id],
  );
  if (!row) throw new Error('createThrowawayPatient: insert returned nothing');
  return { id: row.id, email, password: THROWAWAY_PASSWORD, therapist };
}
