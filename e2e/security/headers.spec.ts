// Security headers (issue 7): CSP with a fresh nonce on every page and on every script the page
// carries, the static headers on every kind of response, no caching of signed-in or patient data,
// and error bodies that give nothing away. Plus a real browser: no CSP violation, still hydrated.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { createThrowawayPatient, mint } from './support/db';

type Target = { label: string; path: string; cookie?: string; status: number; kind: 'page' | 'api' | 'static' };

/** Directive name → its source list (lower-cased names; values as sent). */
function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** The one Content-Security-Policy header of a response (two policies would both apply and hide mistakes). */
function cspOf(response: APIResponse): string {
  const values = response.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy');
  expect(values, `exactly one CSP header on ${response.url()}`).toHaveLength(1);
  return values[0]?.value ?? '';
}

function nonceOf(policy: string): string {
  const scriptSrc = parseCsp(policy).get('script-src') ?? [];
  const nonces = scriptSrc.filter((v) => /^'nonce-[A-Za-z0-9+/_-]+={0,2}'$/.test(v));
  expect(nonces, `one nonce in script-src: ${scriptSrc.join(' ')}`).toHaveLength(1);
  return (nonces[0] ?? '').slice("'nonce-".length, -1);
}

/** Stack frames, source paths, SQL and driver names: none of it may reach a client. */
const STACK_AND_PATHS: [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>[\] ]+ \(|^\s+at \S/m],
  ['a source position', /\.(tsx?|m?js):\d+/],
  ['a dependency path', /node_modules/],
  ['the database', /postgres|sqlstate|drizzle/i],
];
const SQL: [string, RegExp][] = [['SQL', /\bselect\s|\binsert\s+into\b|\bupdate\s+\w+\s+set\b|\bwhere\s+\w+\s*=/i]];
/** JSON error bodies get every check; HTML pages (whose text may say "select") only the stack, path and driver ones. */
function expectNoInternals(body: string, where: string, checks = [...STACK_AND_PATHS, ...SQL]): void {
  for (const [what, pattern] of checks) expect(body, `${what} in ${where}`).not.toMatch(pattern);
}

let patientCookie = '';
let therapistCookie = '';
let patientId = '';
let staticPath = '';

test.beforeAll(async ({ request }) => {
  // A patient and therapist of our own: other suites reassign and pause the demo patients.
  const patient = await createThrowawayPatient('headers');
  patientCookie = (await mint(patient.email)).cookie;
  therapistCookie = (await mint(patient.therapist.email)).cookie;
  patientId = patient.id;
  const login = await (await request.get('/login')).text();
  staticPath = login.match(/\/_next\/static\/[^"'\s]+\.js/)?.[0] ?? '';
  expect(staticPath, 'the login page references a static script').not.toBe('');
});

function targets(): Target[] {
  const series = `/api/patients/${patientId}/series`;
  return [
    { label: 'signed-out page', path: '/login', status: 200, kind: 'page' },
    { label: "patient's page", path: '/today', cookie: patientCookie, status: 200, kind: 'page' },
    { label: "therapist's page", path: '/caseload', cookie: therapistCookie, status: 200, kind: 'page' },
    { label: '404 page', path: `/no-such-page-${randomUUID()}`, cookie: therapistCookie, status: 404, kind: 'page' },
    { label: 'API JSON', path: '/api/health', status: 200, kind: 'api' },
    { label: 'patient series', path: series, cookie: therapistCookie, status: 200, kind: 'api' },
    { label: 'API 401', path: series, status: 401, kind: 'api' },
    { label: 'API 404', path: `/api/patients/${randomUUID()}/series`, cookie: therapistCookie, status: 404, kind: 'api' },
    { label: 'API 422', path: `${series}?range=forever`, cookie: therapistCookie, status: 422, kind: 'api' },
    { label: 'static asset', path: staticPath, status: 200, kind: 'static' },
  ];
}

async function fetchTarget(request: APIRequestContext, target: Target): Promise<APIResponse> {
  const response = await request.get(target.path, { headers: target.cookie ? { Cookie: target.cookie } : {}, maxRedirects: 0 });
  expect(response.status(), `${target.label} ${target.path}`).toBe(target.status);
  return response;
}

test('every kind of response carries CSP, HSTS, nosniff, X-Frame-Options, Referrer-Policy and Permissions-Policy', async ({ request }) => {
  for (const target of targets()) {
    const response = await fetchTarget(request, target);
    const headers = response.headers();
    const where = `${target.label} (${target.path})`;
    const csp = parseCsp(cspOf(response));
    expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
    if (target.kind === 'page') expect(csp.get('default-src'), where).toEqual(["'self'"]);
    else expect(csp.get('default-src'), where).toEqual(["'none'"]);
    const hsts = headers['strict-transport-security'] ?? '';
    expect(Number(hsts.match(/max-age=(\d+)/)?.[1] ?? 0), `HSTS max-age on ${where}`).toBeGreaterThanOrEqual(31_536_000);
    expect(headers['x-content-type-options'], where).toBe('nosniff');
    expect(headers['x-frame-options'], where).toBe('DENY');
    expect(headers['referrer-policy'], where).toBe('no-referrer');
    expect(headers['permissions-policy'], where).toMatch(/camera=\(\)/);
  }
});

test('pages: a nonce script-src that changes per response, no unsafe-inline/eval, and every script carries the nonce', async ({ request, page }) => {
  await page.goto('about:blank');
  for (const target of targets().filter((t) => t.kind === 'page')) {
    const where = `${target.label} (${target.path.slice(0, 20)})`;
    const first = await fetchTarget(request, target);
    const second = await fetchTarget(request, target);
    const policy = cspOf(first);
    const csp = parseCsp(policy);
    const scriptSrc = csp.get('script-src') ?? [];
    expect(scriptSrc, where).toContain("'strict-dynamic'");
    for (const directive of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
      expect(csp.get(directive) ?? [], `${directive} on ${where}`).not.toContain("'unsafe-inline'");
      expect(csp.get(directive) ?? [], `${directive} on ${where}`).not.toContain("'unsafe-eval'");
    }
    expect(csp.get('base-uri'), where).toEqual(["'none'"]);
    expect(csp.get('form-action'), where).toEqual(["'self'"]);
    expect(csp.get('object-src'), where).toEqual(["'none'"]);

    const nonce = nonceOf(policy);
    expect(nonce.length, 'a nonce of at least 128 bits').toBeGreaterThanOrEqual(22);
    expect(nonceOf(cspOf(second)), `a fresh nonce per response on ${where}`).not.toBe(nonce);

    // Parse the HTML with the browser's parser (nothing runs: DOMParser documents are inert).
    const html = await first.text();
    const found = await scriptsOf(page, html);
    expect(found.inline, `inline scripts on ${where}`).toBeGreaterThan(0);
    expect(found.scripts.filter((s) => s.executable && s.nonce !== nonce), `scripts without this response's nonce on ${where}`).toEqual([]);
    expect(found.handlerAttributes, `inline event-handler attributes on ${where}`).toEqual([]);
  }
});

async function scriptsOf(page: Page, html: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const scripts = [...doc.querySelectorAll('script')].map((s) => {
      const type = (s.getAttribute('type') ?? '').trim().toLowerCase();
      return {
        src: s.getAttribute('src'),
        type,
        nonce: s.getAttribute('nonce'),
        // JSON data blocks never run; everything else does.
        executable: type === '' || type === 'module' || type.includes('javascript') || type.includes('ecmascript'),
      };
    });
    const handlerAttributes = [...doc.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => /^on[a-z]+$/.test(n)).map((n) => `${el.tagName}[${n}]`));
    return { scripts, inline: scripts.filter((s) => s.src === null).length, handlerAttributes };
  }, html);
}

test('signed-in pages and patient-data API answers are no-store and never public', async ({ request }) => {
  for (const target of targets().filter((t) => t.cookie || t.path.includes('/series'))) {
    const response = await fetchTarget(request, target);
    const cacheControl = response.headers()['cache-control'] ?? '';
    const where = `${target.label} (${target.path.slice(0, 40)})`;
    expect(cacheControl, where).toMatch(/\bno-store\b/);
    expect(cacheControl, where).not.toMatch(/\bpublic\b/);
    expect(cacheControl, where).not.toMatch(/\bs-maxage\b/);
  }
});

test('error bodies are generic JSON with a request id and no stack, path or SQL', async ({ request }) => {
  const errors = targets().filter((t) => t.kind === 'api' && t.status >= 400);
  for (const target of errors) {
    const response = await fetchTarget(request, target);
    const where = `${target.label} (${target.path.slice(0, 40)})`;
    expect(response.headers()['content-type'], where).toMatch(/^application\/json/);
    const text = await response.text();
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown }; requestId?: unknown };
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
    expect(body.requestId, where).toEqual(expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/));
    expectNoInternals(text, where);
  }
  // A body the server cannot parse and a cross-site mutation are refused the same way.
  const broken = await request.post('/api/sign-in', { data: Buffer.from('{"email": '), headers: { 'Content-Type': 'application/json' } });
  expect(broken.status()).toBe(400);
  const crossSite = await request.post('/api/sign-in', { data: { email: 'a@b.example', password: 'x' }, headers: { Origin: 'https://evil.example' } });
  expect(crossSite.status()).toBe(403);
  for (const response of [broken, crossSite]) {
    const text = await response.text();
    expect((JSON.parse(text) as { requestId?: unknown }).requestId).toEqual(expect.any(String));
    expectNoInternals(text, `${response.status()} from POST /api/sign-in`);
  }
  // The 404 page (HTML) gives nothing away either.
  const notFound = await fetchTarget(request, targets().find((t) => t.label === '404 page') as Target);
  expectNoInternals(await notFound.text(), 'the 404 page', STACK_AND_PATHS);
});

test('in a browser, /today raises no CSP violation and hydrates (a client-side control works)', async ({ page, context, baseURL }) => {
  // A patient of our own with something due today (other suites pause the demo patients' plans).
  const session = await mint((await createThrowawayPatient()).email);
  await context.addCookies([{ name: session.cookieName, value: session.cookieValue, url: baseURL ?? '' }]);
  const consoleViolations: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (/content security policy|refused to (execute|load|apply|connect|evaluate)/i.test(message.text())) consoleViolations.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.name));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI}`));
  });

  await page.goto('/today');
  await expect(page).toHaveURL(/\/today$/);
  const item = page.getByTestId('today-item').first();
  await item.getByRole('button', { name: /Mark done|Log an extra session/ }).click();
  // Only React (hydrated, its scripts allowed by the nonce) opens the log form.
  await expect(item.getByRole('button', { name: 'Save session' })).toBeVisible();
  await item.getByRole('button', { name: 'Cancel' }).click();
  // The player is loaded on demand: a chunk fetched after hydration must be allowed too.
  await item.getByRole('button', { name: /^(Start|Do it again)$/ }).click();
  await expect(item.getByTestId('player')).toBeVisible();

  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations).toEqual([]);
  expect(consoleViolations).toEqual([]);
  expect(pageErrors).toEqual([]);
});
