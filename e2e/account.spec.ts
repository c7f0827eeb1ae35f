// The account page (/account/password) and the idle warning (lib/ui/idle-warning.tsx), in a
// browser. Throwaway therapists throughout (their password is the demo one), so no demo account's
// password or sessions change. The idle tests fake the page's clock (page.clock) and move the
// session's last_seen_at back in the e2e database, so the server agrees with what the page shows.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createThrowawayUser, sql, type ThrowawayUser } from './security/support/db';
import { closeDb } from './security/support/store';

const NEW_PASSWORD = 'a quiet walk along the river';

test.afterAll(closeDb);

async function signInAs(page: Page, user: ThrowawayUser, password = user.password): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
}

async function newestSessionId(userId: string): Promise<string> {
  const [row] = await sql<{ id: string }>('select id from auth_sessions where user_id = $1 order by created_at desc limit 1', [userId]);
  if (!row) throw new Error('no session row');
  return row.id;
}

async function sessionRow(id: string) {
  const [row] = await sql<{ revoked_reason: string | null; seen_seconds_ago: number }>(
    'select revoked_reason, extract(epoch from now() - last_seen_at)::int as seen_seconds_ago from auth_sessions where id = $1',
    [id],
  );
  if (!row) throw new Error('session row missing');
  return row;
}

/** The server last saw this session `minutes` ago. */
async function idleFor(sessionId: string, minutes: number): Promise<void> {
  await sql('update auth_sessions set last_seen_at = now() - make_interval(secs => $2) where id = $1', [sessionId, minutes * 60]);
}

/**
 * The page has asked GET /api/session (the idle warning knows when the session ends), and the
 * follow-up question it asks a second after the page's own requests has gone out too, so no
 * request is left to fire inside the faked clock jump (the server would see it as fresh activity).
 */
async function sessionEndsKnown(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.localStorage.getItem('limber.session-ends'))).not.toBeNull();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500);
}

test.describe('changing the password', () => {
  test('on the account page: errors next to the fields, then success; the other session ends, this one stays', async ({ page, browser }) => {
    const user = await createThrowawayUser('account');
    const elsewhere = await browser.newContext();
    const elsewherePage = await elsewhere.newPage();
    await signInAs(elsewherePage, user);
    await signInAs(page, user);

    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Change password' })).toBeVisible();
    await expect(page.getByText('12 to 128 characters')).toBeVisible();
    const current = page.getByLabel('Current password');
    const next = page.getByLabel('New password', { exact: true });
    const confirm = page.getByLabel('Type the new password again');
    const submit = page.getByRole('button', { name: 'Change password' });

    // A wrong current password: said next to that field, nothing changes.
    await current.fill('not my password, surely');
    await next.fill(NEW_PASSWORD);
    await confirm.fill(NEW_PASSWORD);
    await submit.click();
    await expect(page.locator('#currentPassword-error')).toHaveText('That is not your current password.');
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(current, 'passwords are not sent back').toHaveValue('');

    // A new password that breaks the rules, and a confirmation that does not match: both named.
    await current.fill(user.password);
    await next.fill('too short');
    await confirm.fill('something else');
    await submit.click();
    await expect(page.locator('#newPassword-error')).toContainText('at least 12 characters');
    await expect(page.locator('#confirmPassword-error')).toHaveText('The two new passwords do not match.');
    await expect(page.locator('#currentPassword-error')).toHaveCount(0);
    expect((await elsewhere.request.get('/api/session')).status(), 'refused changes end no session').toBe(200);

    await current.fill(user.password);
    await next.fill(NEW_PASSWORD);
    await confirm.fill(NEW_PASSWORD);
    await submit.click();
    await expect(page.getByRole('status').filter({ hasText: 'Your password is changed.' })).toBeVisible();

    // The other browser's cookie no longer works; this one does.
    expect((await elsewhere.request.get('/api/session')).status()).toBe(401);
    await elsewherePage.reload();
    await expect(elsewherePage).toHaveURL(/\/login/);
    expect((await page.request.get('/api/session')).status()).toBe(200);
    await page.getByRole('link', { name: 'Caseload' }).click();
    await expect(page).toHaveURL(/\/caseload$/);
    const [audit] = await sql<{ n: number }>(`select count(*)::int as n from audit_events where actor_user_id = $1 and action = 'auth.password_changed' and outcome = 'allowed'`, [user.id]);
    expect(audit?.n).toBe(1);

    // The new password signs in.
    await elsewhere.clearCookies();
    await signInAs(elsewherePage, user, NEW_PASSWORD);
    await elsewhere.close();
  });
});

test.describe('idle warning', () => {
  test('warns 2 minutes before; "Stay signed in" and Escape keep the session; at the end it signs out and clears the device', async ({ page }) => {
    const user = await createThrowawayUser('idle');
    await page.clock.install();
    await signInAs(page, user);
    const sessionId = await newestSessionId(user.id);
    await sessionEndsKnown(page);
    const dialog = page.getByRole('dialog', { name: 'Are you still there?' });
    await expect(dialog).toBeHidden();

    // 28.5 minutes without a request.
    const library = page.getByRole('link', { name: 'Library' });
    await library.focus();
    await idleFor(sessionId, 28.5);
    await page.clock.fastForward('28:30');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/You'll be signed out in 1:[23]\d to protect your information\./);
    const stay = dialog.getByRole('button', { name: 'Stay signed in' });
    await expect(stay).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    const shown = await dialog.getByRole('timer').textContent();
    await page.clock.fastForward(5_000);
    await expect(dialog.getByRole('timer')).not.toHaveText(shown ?? '');

    await stay.click();
    await expect(dialog).toBeHidden();
    expect((await sessionRow(sessionId)).seen_seconds_ago, 'the server saw the activity').toBeLessThan(10);
    await expect(library, 'focus returns where it was').toBeFocused();

    // Escape is "Stay signed in" too.
    await idleFor(sessionId, 28.5);
    await page.clock.fastForward('28:30');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect((await sessionRow(sessionId)).seen_seconds_ago).toBeLessThan(10);

    // Nobody answers: at the end, device data is cleared and the sign-in page says why.
    await page.evaluate(() => window.localStorage.setItem('limber.test-marker', 'kept until sign-out'));
    await idleFor(sessionId, 31);
    await page.clock.fastForward('30:30');
    await expect(page).toHaveURL(/\/login\?expired=1$/);
    await expect(page.getByText('You were signed out after 30 minutes without activity.')).toBeVisible();
    expect(await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('limber.')))).toEqual([]);
    expect((await page.request.get('/api/session')).status(), 'the old cookie is refused').toBe(401);
    expect((await sessionRow(sessionId)).revoked_reason).toBe('idle');
  });

  test('activity in one tab closes the warning in the others', async ({ page, context }) => {
    const user = await createThrowawayUser('idle-tabs');
    await page.clock.install();
    await signInAs(page, user);
    const other = await context.newPage();
    await other.goto('/library');
    await sessionEndsKnown(other);
    const sessionId = await newestSessionId(user.id);

    await idleFor(sessionId, 28.5);
    await page.clock.fastForward('28:30');
    const dialogIn = (p: Page) => p.getByRole('dialog', { name: 'Are you still there?' });
    await expect(dialogIn(page)).toBeVisible();
    await expect(dialogIn(other)).toBeVisible();

    await dialogIn(other).getByRole('button', { name: 'Stay signed in' }).click();
    await expect(dialogIn(other)).toBeHidden();
    await expect(dialogIn(page)).toBeHidden();
  });

  test('GET /api/session: the end times with no-store, or 401 when signed out', async ({ page }) => {
    const signedOut = await page.request.get('/api/session');
    expect(signedOut.status()).toBe(401);
    expect((await signedOut.json()).error.code).toBe('unauthenticated');

    const user = await createThrowawayUser('session-api');
    await signInAs(page, user);
    const sessionId = await newestSessionId(user.id);
    await idleFor(sessionId, 10);
    const response = await page.request.get('/api/session');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('no-store');
    const body = (await response.json()) as { idleExpiresAt: string; absoluteExpiresAt: string };
    const [row] = await sql<{ idle: string; absolute: string }>(
      `select to_char((last_seen_at + interval '30 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as idle,
              to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as absolute
         from auth_sessions where id = $1`,
      [sessionId],
    );
    // The request counted as activity: last_seen_at was moved to now, and the answer is 30 minutes on.
    expect((await sessionRow(sessionId)).seen_seconds_ago).toBeLessThan(10);
    expect(body.absoluteExpiresAt).toBe(row?.absolute);
    // The open page may touch the session at the same moment (its idle timer asks too), so the
    // row can be a few milliseconds newer than the answer: equal within a second.
    expect(Math.abs(Date.parse(body.idleExpiresAt) - Date.parse(row?.idle ?? ''))).toBeLessThan(1000);
  });
});
