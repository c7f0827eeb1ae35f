import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function firstPlanItemId(page: Page): Promise<string> {
  const id = await page.getByTestId('today-item').first().getAttribute('data-plan-item-id');
  if (!id) throw new Error('no plan item on Today');
  return id;
}

test.describe('POST /api/session-logs', () => {
  test('without a session: 401 JSON', async ({ request }) => {
    const response = await request.post('/api/session-logs', { data: {} });
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe('unauthenticated');
  });

  test('bad input: 400 for non-JSON, 422 naming every bad field, nothing written', async ({ page, signedInAs }) => {
    await signedInAs('patient');
    const progressBefore = await page.getByTestId('item-progress').first().textContent();
    const notJson = await page.request.post('/api/session-logs', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{not json') });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error.code).toBe('bad_request');
    const planItemId = await firstPlanItemId(page);
    const cases: [string, Record<string, unknown>, string][] = [
      ['clientId not a uuid', { clientId: 'abc', planItemId, setsDone: 1 }, 'clientId'],
      ['sets 0', { clientId: crypto.randomUUID(), planItemId, setsDone: 0 }, 'setsDone'],
      ['sets as text', { clientId: crypto.randomUUID(), planItemId, setsDone: 'two' }, 'setsDone'],
      ['pain 11', { clientId: crypto.randomUUID(), planItemId, setsDone: 1, painBefore: 11 }, 'painBefore'],
      ['pain after -1', { clientId: crypto.randomUUID(), planItemId, setsDone: 1, painAfter: -1 }, 'painAfter'],
      ['unknown difficulty', { clientId: crypto.randomUUID(), planItemId, setsDone: 1, difficulty: 'brutal' }, 'difficulty'],
      ['forged patientId', { clientId: crypto.randomUUID(), planItemId, setsDone: 1, patientId: crypto.randomUUID() }, 'patientId'],
    ];
    for (const [name, body, field] of cases) {
      const response = await page.request.post('/api/session-logs', { data: body });
      expect(response.status(), name).toBe(422);
      const json = await response.json();
      expect(Object.keys(json.error.fields), name).toContain(field);
      expect(json.requestId, name).toBeTruthy();
    }
    await page.reload();
    await expect(page.getByTestId('item-progress').first()).toHaveText(progressBefore ?? '');
  });

  test("a retry returns the original; another patient's plan item is 404", async ({ page, browser, signedInAs }) => {
    await signedInAs('patient');
    const planItemId = await firstPlanItemId(page);
    const body = { clientId: crypto.randomUUID(), planItemId, setsDone: 1, painBefore: 3, painAfter: 2, difficulty: 'about_right' };
    const first = await page.request.post('/api/session-logs', { data: body });
    expect(first.status()).toBe(201);
    const retry = await page.request.post('/api/session-logs', { data: body });
    expect(retry.status()).toBe(200);
    expect((await retry.json()).log.id).toBe((await first.json()).log.id);
    const changed = await page.request.post('/api/session-logs', { data: { ...body, setsDone: 2 } });
    expect(changed.status()).toBe(422);
    expect((await changed.json()).error.fields.clientId).toBeTruthy();

    // Jordan Lee (another patient) tries to log against Alex's plan item.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto('/login');
    await otherPage.getByLabel('Email').fill('jordan.lee@riverside-physio.example');
    await otherPage.getByLabel('Password').fill('stretch-and-breathe-2026');
    await otherPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(otherPage).toHaveURL(/\/today$/);
    const stolen = await otherPage.request.post('/api/session-logs', { data: { ...body, clientId: crypto.randomUUID() } });
    expect(stolen.status()).toBe(404);
    expect(await stolen.text()).not.toContain(planItemId);
    await other.close();
  });

  test('a cross-site POST is refused with 403', async ({ page, signedInAs }) => {
    await signedInAs('patient');
    const planItemId = await firstPlanItemId(page);
    const response = await page.request.post('/api/session-logs', {
      headers: { origin: 'https://evil.example' },
      data: { clientId: crypto.randomUUID(), planItemId, setsDone: 1 },
    });
    expect(response.status()).toBe(403);
  });
});
