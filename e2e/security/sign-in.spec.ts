// Sign-in (issue 7): one generic answer for every wrong credential, in the same time; the
// per-account lockout and per-address limit with 429 + Retry-After; every attempt recorded and
// audited without the password; the password rules where a password is chosen.
// Every test uses throwaway accounts and its own fake source addresses (X-Forwarded-For), so no
// demo account is ever locked and no limit carries over into another test.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../db/demo-accounts';
import { createThrowawayUser, mint, sql, uniqueAddress } from './support/db';

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string[]> }; requestId?: string };

function attempt(request: APIRequestContext, email: string, password: string, address: string): Promise<APIResponse> {
  return request.post('/api/sign-in', { data: { email, password }, headers: { 'X-Forwarded-For': address }, maxRedirects: 0 });
}

const unknownEmail = () => `nobody-${randomUUID().slice(0, 12)}@throwaway.example`;
const wrongPassword = () => `wrong-${randomUUID()}`;

async function expectRetryAfter(response: APIResponse): Promise<number> {
  const seconds = Number(response.headers()['retry-after']);
  expect(Number.isInteger(seconds), `Retry-After is whole seconds: ${response.headers()['retry-after']}`).toBe(true);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(15 * 60);
  return seconds;
}

async function expectCode(response: APIResponse, status: number, code: string): Promise<ErrorBody> {
  expect(response.status(), `expected ${status} ${code}`).toBe(status);
  const body = (await response.json()) as ErrorBody;
  expect(body.error?.code).toBe(code);
  return body;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

test('unknown email, wrong password and a disabled account get the same 401 body', async ({ request }) => {
  const user = await createThrowawayUser('generic');
  const disabled = await createThrowawayUser('generic-disabled');
  await sql('update users set disabled_at = now() where id = $1', [disabled.id]);
  const address = uniqueAddress();
  const answers = [
    await attempt(request, unknownEmail(), wrongPassword(), address),
    await attempt(request, user.email, wrongPassword(), address),
    await attempt(request, disabled.email, disabled.password, address),
  ];
  const bodies: ErrorBody[] = [];
  for (const response of answers) {
    const body = await expectCode(response, 401, 'invalid_credentials');
    expect(response.headers()['set-cookie'] ?? '', 'no session cookie on a failure').not.toMatch(/session-token=[^;]/);
    bodies.push(body);
  }
  // Identical apart from the request id; nothing names the email.
  const withoutId = bodies.map((body) => ({ ...body, requestId: undefined }));
  expect(withoutId[1]).toEqual(withoutId[0]);
  expect(withoutId[2]).toEqual(withoutId[0]);
  expect(JSON.stringify(bodies)).not.toContain(user.email);
});

test('an unknown email takes as long as a wrong password (argon2 either way)', async ({ request }) => {
  const ROUNDS = 10;
  const users = await Promise.all(Array.from({ length: ROUNDS + 1 }, () => createThrowawayUser('timing')));
  // Separate addresses keep both series under the per-address limit (20).
  const unknownFrom = uniqueAddress();
  const wrongFrom = uniqueAddress();
  const timed = async (email: string, address: string) => {
    const started = performance.now();
    const response = await attempt(request, email, wrongPassword(), address);
    const elapsed = performance.now() - started;
    expect(response.status()).toBe(401);
    return elapsed;
  };
  // Warm both paths (the first unknown email also computes the server's dummy hash).
  await timed(unknownEmail(), unknownFrom);
  await timed(users[ROUNDS]?.email ?? '', wrongFrom);
  const unknown: number[] = [];
  const wrong: number[] = [];
  // Interleaved, so a burst of load on the machine hits both series alike.
  for (let i = 0; i < ROUNDS; i += 1) {
    unknown.push(await timed(unknownEmail(), unknownFrom));
    wrong.push(await timed(users[i]?.email ?? '', wrongFrom));
  }
  const a = median(unknown);
  const b = median(wrong);
  test.info().annotations.push({ type: 'timing', description: `median unknown email ${a.toFixed(1)} ms, wrong password ${b.toFixed(1)} ms` });
  expect(Math.abs(a - b) / Math.max(a, b), `medians ${a.toFixed(1)} ms vs ${b.toFixed(1)} ms`).toBeLessThan(0.4);
});

test('5 failures lock the account from any address: the 6th gets 429 locked even with the right password', async ({ request }) => {
  const user = await createThrowawayUser('lock');
  // Every failure from a different address: the count is per account.
  for (let i = 0; i < 5; i += 1) await expectCode(await attempt(request, user.email, wrongPassword(), uniqueAddress()), 401, 'invalid_credentials');
  const locked = await attempt(request, user.email, user.password, uniqueAddress());
  await expectCode(locked, 429, 'locked');
  const first = await expectRetryAfter(locked);
  expect(locked.headers()['set-cookie'] ?? '').not.toMatch(/session-token=[^;]/);
  // Still locked for yet another address, and the wait does not grow with the refused attempts.
  const again = await attempt(request, user.email, user.password, uniqueAddress());
  await expectCode(again, 429, 'locked');
  expect(await expectRetryAfter(again)).toBeLessThanOrEqual(first);
  // The address limit did not do this: a fresh throwaway account signs in from the same address.
  const other = await createThrowawayUser('lock-other');
  expect((await attempt(request, other.email, other.password, uniqueAddress())).status()).toBe(200);
});

test('a success clears the count: 4 failures, success, 4 failures still lets the right password in', async ({ request }) => {
  const user = await createThrowawayUser('clear');
  const address = uniqueAddress();
  for (let i = 0; i < 4; i += 1) await expectCode(await attempt(request, user.email, wrongPassword(), address), 401, 'invalid_credentials');
  expect((await attempt(request, user.email, user.password, address)).status()).toBe(200);
  for (let i = 0; i < 4; i += 1) await expectCode(await attempt(request, user.email, wrongPassword(), address), 401, 'invalid_credentials');
  const response = await attempt(request, user.email, user.password, address);
  expect(response.status(), '8 failures in 15 minutes, but only 4 since the last success').toBe(200);
  expect(((await response.json()) as { redirectTo?: string }).redirectTo).toBe('/caseload');
});

test('20 failures from one address across accounts → 429 rate_limited there; another address still gets 401', async ({ request }) => {
  const busy = uniqueAddress();
  for (let i = 0; i < 20; i += 1) await expectCode(await attempt(request, unknownEmail(), wrongPassword(), busy), 401, 'invalid_credentials');
  const limited = await attempt(request, unknownEmail(), wrongPassword(), busy);
  await expectCode(limited, 429, 'rate_limited');
  await expectRetryAfter(limited);
  // Even a right password waits out the pause from that address…
  const user = await createThrowawayUser('ratelimit');
  await expectCode(await attempt(request, user.email, user.password, busy), 429, 'rate_limited');
  // …while another address is answered as usual.
  await expectCode(await attempt(request, unknownEmail(), wrongPassword(), uniqueAddress()), 401, 'invalid_credentials');
  expect((await attempt(request, user.email, user.password, uniqueAddress())).status()).toBe(200);
});

test('every attempt is recorded and audited (success, failure, lockout) with no password anywhere', async ({ request }) => {
  const user = await createThrowawayUser('audit');
  const address = uniqueAddress();
  const badPassword = wrongPassword();
  const unknown = unknownEmail();
  expect((await attempt(request, user.email, user.password, address)).status()).toBe(200);
  for (let i = 0; i < 5; i += 1) expect((await attempt(request, user.email, badPassword, address)).status()).toBe(401);
  expect((await attempt(request, user.email, user.password, address)).status()).toBe(429);
  expect((await attempt(request, unknown, badPassword, address)).status()).toBe(401);

  const attempts = await sql<{ email: string; user_id: string | null; succeeded: boolean; reason: string | null; row: string }>(
    `select email, user_id, succeeded, reason, row_to_json(a)::text as row from sign_in_attempts a where source_ip = $1::inet order by at, id`,
    [address],
  );
  expect(attempts.map((a) => [a.email, a.succeeded, a.reason])).toEqual([
    [user.email, true, null],
    ...Array.from({ length: 5 }, () => [user.email, false, 'bad_credentials']),
    [user.email, false, 'locked'],
    [unknown, false, 'bad_credentials'],
  ]);
  expect(attempts.slice(0, 7).every((a) => a.user_id === user.id)).toBe(true);

  const audits = await sql<{ action: string; outcome: string; actor_user_id: string | null; row: string }>(
    `select action, outcome::text as outcome, actor_user_id, row_to_json(e)::text as row from audit_events e where source_ip = $1 order by at, id`,
    [address],
  );
  expect(audits.map((a) => [a.action, a.outcome])).toEqual([
    ['auth.sign_in', 'allowed'],
    ...Array.from({ length: 5 }, () => ['auth.sign_in', 'denied']),
    ['auth.lockout', 'denied'],
    ['auth.sign_in', 'denied'],
  ]);
  expect(audits.slice(0, 7).every((a) => a.actor_user_id === user.id)).toBe(true);

  for (const row of [...attempts, ...audits]) {
    expect(row.row).not.toContain(badPassword);
    expect(row.row).not.toContain(user.password);
  }
  // Nor anywhere else in either table (the wrong password is unique to this test).
  const [leaks] = await sql<{ n: number }>(
    `select ((select count(*) from sign_in_attempts a where row_to_json(a)::text like $1) + (select count(*) from audit_events e where row_to_json(e)::text like $1))::int as n`,
    [`%${badPassword}%`],
  );
  expect(leaks?.n).toBe(0);
});

test('choosing a password on an invitation: too short or too common is refused on that field', async ({ page }) => {
  // An invited therapist (no password yet) and a link we hold the raw token of.
  const token = randomBytes(32).toString('base64url');
  const [invitee] = await sql<{ id: string }>(
    `insert into users (clinic_id, email, name, role) select clinic_id, $1, 'Invited Tester', 'therapist' from users where email = $2 returning id`,
    [`invited-${randomUUID().slice(0, 12)}@throwaway.example`, DEMO_ACCOUNTS.admin.email],
  );
  await sql(
    `insert into invitations (clinic_id, user_id, role, token_hash, created_by) select clinic_id, $1, 'therapist', $2, id from users where email = $3`,
    [invitee?.id, createHash('sha256').update(token).digest('hex'), DEMO_ACCOUNTS.admin.email],
  );
  await page.goto(`/invite/${token}`);
  const password = page.getByLabel('New password');
  const submit = page.getByRole('button', { name: 'Set password and sign in' });
  for (const [candidate, message] of [
    ['short-pass1', /at least 12 characters/],
    ['password1234', /too common/],
  ] as const) {
    await password.fill(candidate);
    await page.getByLabel('Type it again').fill(candidate);
    await submit.click();
    await expect(page.locator('#password-error')).toHaveText(message);
    await expect(password).toHaveAttribute('aria-invalid', 'true');
  }
  const [row] = await sql<{ password_hash: string | null }>('select password_hash from users where id = $1', [invitee?.id]);
  expect(row?.password_hash, 'no password was set').toBeNull();
});

test('changing a password: 12–128 characters, not common, not the current one → else 422 naming the field', async ({ request }) => {
  const user = await createThrowawayUser('rules');
  const session = await mint(user.email);
  const change = (currentPassword: string, newPassword: string) =>
    request.post('/api/account/password', { data: { currentPassword, newPassword }, headers: { Cookie: session.cookie } });
  for (const [newPassword, why] of [
    ['eleven-char', 'too short (11)'],
    [randomBytes(80).toString('hex').slice(0, 129), 'too long (129)'],
    ['password1234', 'on the common list'],
    ['Password1234', 'on the common list, whatever the case'],
    [user.password, 'the current password'],
  ] as const) {
    const response = await change(user.password, newPassword);
    expect(response.status(), why).toBe(422);
    const body = (await response.json()) as ErrorBody;
    expect(body.error?.fields?.newPassword?.length, `fields.newPassword: ${why}`).toBeGreaterThan(0);
    expect(Object.keys(body.error?.fields ?? {}), why).toEqual(['newPassword']);
    expect(JSON.stringify(body), why).not.toContain(newPassword.slice(0, 12));
  }
  const wrongCurrent = await change(wrongPassword(), `a fine new one ${randomUUID()}`);
  expect(wrongCurrent.status()).toBe(422);
  expect(Object.keys(((await wrongCurrent.json()) as ErrorBody).error?.fields ?? {})).toEqual(['currentPassword']);
  // 12 and 128 characters are both fine.
  const twelve = randomUUID().slice(0, 12);
  expect((await change(user.password, twelve)).status()).toBe(200);
  const longest = randomBytes(64).toString('hex');
  expect(longest).toHaveLength(128);
  expect((await change(twelve, longest)).status()).toBe(200);
});
