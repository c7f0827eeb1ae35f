// Test and benchmark support: a signed-in session for a user without going through the sign-in
// form (whose lockout and argon2 cost would otherwise dominate load tests). It writes the same
// server-side auth_sessions row the sign-in does and encodes the same JWT cookie next-auth
// issues, so every request made with it goes through the app's real session checks.
// Never imported by the app.
import { encode } from 'next-auth/jwt';
import pg from 'pg';

/** The cookie next-auth uses on plain-http loopback (no __Secure- prefix). */
export const SESSION_COOKIE = 'authjs.session-token';

export type MintedSession = { sessionId: string; userId: string; cookie: string; cookieName: string; cookieValue: string };

/**
 * Creates an auth_sessions row for the user with this email in the database at `databaseUrl`
 * (or through the given client) and returns a cookie header for it.
 */
export async function mintSession(options: { databaseUrl?: string; client?: pg.ClientBase; email: string; secret: string; cookieName?: string }): Promise<MintedSession> {
  const cookieName = options.cookieName ?? SESSION_COOKIE;
  const own = options.client ? null : new pg.Client({ connectionString: options.databaseUrl });
  const client = options.client ?? own;
  if (!client) throw new Error('mintSession needs a databaseUrl or a client');
  if (own) await own.connect();
  try {
    const user = await client.query<{ id: string; clinic_id: string }>('select id, clinic_id from users where email = lower($1)', [options.email]);
    const row = user.rows[0];
    if (!row) throw new Error('mintSession: no user with that email');
    const session = await client.query<{ id: string }>('insert into auth_sessions (user_id, clinic_id) values ($1, $2) returning id', [row.id, row.clinic_id]);
    const sessionId = session.rows[0]?.id;
    if (!sessionId) throw new Error('mintSession: session insert returned nothing');
    const cookieValue = await encode({ token: { sid: sessionId }, secret: options.secret, salt: cookieName, maxAge: 12 * 60 * 60 });
    return { sessionId, userId: row.id, cookieName, cookieValue, cookie: `${cookieName}=${cookieValue}` };
  } finally {
    if (own) await own.end();
  }
}
