import { expect, test } from './fixtures';

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

test('security headers are on pages, API responses and errors', async ({ request }) => {
  for (const path of ['/login', '/api/health', '/api/session-logs', '/no-such-page']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], `${name} on ${path}`).toBe(value);
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['strict-transport-security'], path).toContain('max-age=');
  }
});

test('patient data is never cached: API answers carry no-store', async ({ request }) => {
  const response = await request.get('/api/session-logs');
  expect(response.status()).toBe(401);
  expect(response.headers()['cache-control']).toContain('no-store');
});
