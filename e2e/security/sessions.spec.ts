// Sessions (issue 7): the cookie's flags, sign-out (server-side revocation + Clear-Site-Data, and
// nothing about the patient left in the browser), idle and absolute limits, disabling, and the
// password change that ends every other session. Throwaway accounts throughout, so no demo
// account is locked, disabled or re-passworded, and other suites' changes to them do not matter.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { createThrowawayPatient, createThrowawayUser, mint, sql, uniqueAddress, type ThrowawayUser } from './support/db';

type SetCookie = { name: string; value: string; attributes: Map<string, string> };

function setCookies(response: APIResponse): SetCookie[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map(({ value }) => {
      const [pair = '', ...attrs] = value.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const attributes = new Map(
        attrs.map((attr) => {
          const at = attr.indexOf('=');
          return at < 0 ? [attr.toLowerCase(), ''] : [attr.slice(0, at).toLowerCase(), attr.slice(at + 1)];
        }),
      );
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
    });
}

/** The session cookie a response sets (a non-empty *session-token). */
function sessionCookieOf(response: APIResponse): SetCookie {
  const cookies = setCookies(response).filter((c) => c.name.endsWith('session-token') && c.value !== '');
  expect(cookies, 'exactly one session cookie set').toHaveLength(1);
  return cookies[0] as SetCookie;
}

async function signIn(request: APIRequestContext, user: { email: string; password: string }, headers: Record<string, string> = {}) {
  const response = await request.post('/api/sign-in', {
    data: { email: user.email, password: user.password },
    headers: { 'X-Forwarded-For': uniqueAddress(), ...headers },
    maxRedirects: 0,
  });
  expect(response.status(), 'sign-in succeeds').toBe(200);
  const cookie = sessionCookieOf(response);
  return { response, cookie, header: `${cookie.name}=${cookie.value}` };
}

async function latestSessionId(userId: string): Promise<string> {
  const [row] = await sql<{ id: string }>('select id from auth_sessions where user_id = $1 order by created_at desc limit 1', [userId]);
  if (!row) throw new Error('no session row');
  return row.id;
}

async function sessionRow(id: string) {
  const [row] = await sql<{ revoked_reason: string | null; revoked: boolean; seen_seconds_ago: number }>(
    `select revoked_reason, revoked_at is not null as revoked, extract(epoch from now() - last_seen_at)::int as seen_seconds_ago from auth_sessions where id = $1`,
    [id],
  );
  return row;
}

/**
 * Whether a cookie is still a signed-in session, asked of an API: a therapist asking for a patient
 * that does not exist gets 404 when signed in and 401 when not.
 */
async function apiStatus(request: APIRequestContext, cookie: string): Promise<number> {
  return (await request.get(`/api/patients/${randomUUID()}/series`, { headers: { Cookie: cookie } })).status();
}

/** Where a page request with this cookie ends up (after redirects). */
async function pageLandsOn(request: APIRequestContext, cookie: string): Promise<string> {
  const response = await request.get('/caseload', { headers: { Cookie: cookie } });
  return new URL(response.url()).pathname;
}

test.describe('the session cookie', () => {
  test('is HttpOnly, SameSite=Lax, Path=/ and not Secure on plain-http loopback', async ({ request }) => {
    const user = await createThrowawayUser('cookie');
    const { cookie } = await signIn(request, user);
    expect(cookie.name).toBe('authjs.session-token');
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')?.toLowerCase()).toBe('lax');
    expect(cookie.attributes.get('path')).toBe('/');
    expect(cookie.attributes.has('secure'), 'a Secure cookie could never come back over http://127.0.0.1').toBe(false);
    const maxAge = Number(cookie.attributes.get('max-age'));
    expect(maxAge, 'the cookie never outlives the 12-hour session').toBeLessThanOrEqual(12 * 60 * 60);
  });

  for (const [how, headers] of [
    ['Host header', { Host: 'limber.example', Origin: 'https://limber.example' }],
    ['X-Forwarded-Host from a TLS proxy', { 'X-Forwarded-Host': 'limber.example', 'X-Forwarded-Proto': 'https', Origin: 'https://limber.example' }],
  ] as const) {
    test(`is Secure with the __Secure- prefix on a non-loopback host (${how})`, async ({ request }) => {
      const user = await createThrowawayUser('secure');
      const { cookie } = await signIn(request, user, headers);
      expect(cookie.name).toBe('__Secure-authjs.session-token');
      expect(cookie.attributes.has('secure')).toBe(true);
      expect(cookie.attributes.has('httponly')).toBe(true);
      expect(cookie.attributes.get('samesite')?.toLowerCase()).toBe('lax');
      expect(cookie.attributes.get('path')).toBe('/');
    });
  }
});

test.describe('sign-out', () => {
  test('revokes the session, expires the cookie and sends Clear-Site-Data; the old cookie is refused', async ({ request }) => {
    const user = await createThrowawayUser('signout');
    const session = await signIn(request, user);
    const sessionId = await latestSessionId(user.id);
    expect(await apiStatus(request, session.header), 'signed in before').toBe(404);
    expect(await pageLandsOn(request, session.header)).toBe('/caseload');

    const out = await request.post('/api/sign-out', { headers: { Cookie: session.header, Accept: 'application/json' } });
    expect(out.status()).toBe(200);
    expect(await out.json()).toEqual({ ok: true });
    const clear = (out.headers()['clear-site-data'] ?? '').split(',').map((v) => v.trim());
    expect(clear).toEqual(expect.arrayContaining(['"cache"', '"cookies"', '"storage"']));
    const expired = setCookies(out).find((c) => c.name === session.cookie.name);
    expect(expired?.value, 'the cookie is emptied').toBe('');
    expect(expired?.attributes.get('max-age') === '0' || Date.parse(expired?.attributes.get('expires') ?? '') < Date.now(), 'and expired').toBe(true);
    expect((await sessionRow(sessionId))?.revoked_reason).toBe('sign_out');

    // A copy of the old cookie is worthless: API 401, pages go to the sign-in page.
    expect(await apiStatus(request, session.header)).toBe(401);
    expect(await pageLandsOn(request, session.header)).toBe('/login');
  });

  test('a form post is answered 303 to /login?signed-out=1 with Clear-Site-Data', async ({ request }) => {
    const user = await createThrowawayUser('signout-form');
    const session = await signIn(request, user);
    const out = await request.post('/api/sign-out', { form: {}, headers: { Cookie: session.header }, maxRedirects: 0 });
    expect(out.status()).toBe(303);
    expect(out.headers()['location']).toMatch(/\/login\?signed-out=1$/);
    expect(out.headers()['clear-site-data']).toMatch(/"storage"/);
    expect(await apiStatus(request, session.header)).toBe(401);
  });

  test('in a browser, nothing about the patient stays in storage after sign-out', async ({ page, context, baseURL }) => {
    // A patient of our own (other suites pause and revise the demo patients' plans), signed in
    // with a minted session: the same cookie /api/sign-in sets.
    const patient = await createThrowawayPatient();
    const session = await mint(patient.email);
    await context.addCookies([{ name: session.cookieName, value: session.cookieValue, url: baseURL ?? '', httpOnly: true, sameSite: 'Lax' }]);
    await page.goto('/today');
    await expect(page).toHaveURL(/\/today$/);

    // Use Today so it stores something: a session logged while the server is unreachable is kept
    // on the device (pain scores and all). Nothing reaches the server.
    await page.route('**/api/session-logs', (route) => (route.request().method() === 'POST' ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
    const item = page.getByTestId('today-item').first();
    await item.getByRole('button', { name: /Mark done|Log an extra session/ }).click();
    await item.getByRole('group', { name: 'Pain before' }).getByRole('radio', { name: /^6\b/ }).check();
    await item.getByRole('group', { name: 'Pain after' }).getByRole('radio', { name: /^4\b/ }).check();
    await item.getByRole('button', { name: 'Save session' }).click();
    await expect(item.getByRole('status')).toHaveText(/Saved on this phone/);
    // And things the app itself does not clear: only Clear-Site-Data can remove these.
    await page.evaluate(async () => {
      window.localStorage.setItem('probe.local', 'patient data');
      window.sessionStorage.setItem('probe.session', 'patient data');
      await (await caches.open('probe-cache')).put('/probe', new Response('patient data'));
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('probe-db', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('things');
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      });
    });
    const before = await storageOf(page);
    expect(before.local).toEqual(expect.arrayContaining(['limber.pending-session-logs', 'probe.local']));
    expect(before.session).toContain('probe.session');
    expect(before.caches).toContain('probe-cache');
    expect(before.databases).toContain('probe-db');

    page.once('dialog', (dialog) => void dialog.accept()); // "1 session is saved on this phone… Sign out anyway?"
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login\?signed-out=1$/);
    expect(await storageOf(page)).toEqual({ local: [], session: [], caches: [], databases: [] });
    expect((await context.cookies()).filter((c) => c.name.endsWith('session-token'))).toEqual([]);
    expect((await sessionRow(session.sessionId))?.revoked_reason).toBe('sign_out');
  });
});

async function storageOf(page: Page) {
  return page.evaluate(async () => ({
    local: Object.keys(window.localStorage),
    session: Object.keys(window.sessionStorage),
    caches: await caches.keys(),
    databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
  }));
}

test.describe('server-side limits', () => {
  let user: ThrowawayUser;
  test.beforeEach(async () => {
    user = await createThrowawayUser('limits');
  });

  test('idle: 29 minutes quiet is still signed in (and touched); 31 minutes is signed out and revoked as idle', async ({ request }) => {
    const quiet = await mint(user.email);
    const idle = await mint(user.email);
    await sql(`update auth_sessions set last_seen_at = now() - interval '29 minutes' where id = $1`, [quiet.sessionId]);
    await sql(`update auth_sessions set last_seen_at = now() - interval '31 minutes' where id = $1`, [idle.sessionId]);

    expect(await apiStatus(request, quiet.cookie)).toBe(404);
    expect((await sessionRow(quiet.sessionId))?.seen_seconds_ago, 'activity moves last_seen_at').toBeLessThan(60);

    expect(await apiStatus(request, idle.cookie)).toBe(401);
    expect(await sessionRow(idle.sessionId)).toMatchObject({ revoked: true, revoked_reason: 'idle' });
    expect(await pageLandsOn(request, idle.cookie)).toBe('/login');
  });

  test('absolute: past expires_at the session is signed out, however active', async ({ request }) => {
    const session = await mint(user.email);
    expect(await apiStatus(request, session.cookie)).toBe(404);
    await sql(`update auth_sessions set expires_at = now() - interval '1 second', last_seen_at = now() where id = $1`, [session.sessionId]);
    expect(await apiStatus(request, session.cookie)).toBe(401);
    expect(await sessionRow(session.sessionId)).toMatchObject({ revoked: true, revoked_reason: 'expired' });
    expect(await pageLandsOn(request, session.cookie)).toBe('/login');
  });

  test('disabling a user refuses their next request and their password', async ({ request }) => {
    const session = await signIn(request, user);
    const sessionId = await latestSessionId(user.id);
    expect(await apiStatus(request, session.header)).toBe(404);
    await sql('update users set disabled_at = now() where id = $1', [user.id]);
    expect(await apiStatus(request, session.header)).toBe(401);
    expect(await pageLandsOn(request, session.header)).toBe('/login');
    expect((await sessionRow(sessionId))?.revoked).toBe(true);
    const again = await request.post('/api/sign-in', { data: { email: user.email, password: user.password }, headers: { 'X-Forwarded-For': uniqueAddress() } });
    expect(again.status()).toBe(401);
  });

  test('a password change ends every other session of the user; the current one stays', async ({ request }) => {
    const current = await signIn(request, user);
    const currentId = await latestSessionId(user.id);
    const other = await mint(user.email);
    expect(await apiStatus(request, other.cookie)).toBe(404);

    const newPassword = `a new sentence ${randomUUID()}`;
    const changed = await request.post('/api/account/password', { data: { currentPassword: user.password, newPassword }, headers: { Cookie: current.header } });
    expect(changed.status()).toBe(200);
    expect(await changed.json()).toEqual({ ok: true });

    expect(await apiStatus(request, other.cookie), 'the other session is refused').toBe(401);
    expect(await sessionRow(other.sessionId)).toMatchObject({ revoked: true, revoked_reason: 'password_changed' });
    expect(await apiStatus(request, current.header), 'the current session still works').toBe(404);
    expect((await sessionRow(currentId))?.revoked).toBe(false);

    const [audit] = await sql<{ n: number }>(`select count(*)::int as n from audit_events where actor_user_id = $1 and action = 'auth.password_changed' and outcome = 'allowed'`, [user.id]);
    expect(audit?.n).toBe(1);
    const attempt = (password: string) => request.post('/api/sign-in', { data: { email: user.email, password }, headers: { 'X-Forwarded-For': uniqueAddress() } });
    expect((await attempt(user.password)).status(), 'the old password no longer works').toBe(401);
    expect((await attempt(newPassword)).status(), 'the new one does').toBe(200);
  });
});
