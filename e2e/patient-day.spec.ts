import type { Locator, Page } from '@playwright/test';
import { expect, pendingItem, signIn, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function serverLogCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/session-logs');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { logs: unknown[] }).logs.length;
}

async function logSession(item: Locator, painBefore: number, painAfter: number) {
  await item.getByRole('button', { name: /Mark done|Log an extra session/ }).click();
  await item.getByRole('group', { name: 'Pain before' }).getByRole('radio', { name: new RegExp(`^${painBefore}\\b`) }).check();
  await item.getByRole('group', { name: 'Pain after' }).getByRole('radio', { name: new RegExp(`^${painAfter}\\b`) }).check();
  await item.getByRole('button', { name: 'Save session' }).click();
}

test('the player runs one exercise; logs made offline are sent once each when the connection returns', async ({ page, context }) => {
  await page.clock.install();
  await signIn(page, 'patient');
  await expect(page).toHaveURL(/\/today$/);
  const before = await serverLogCount(page);
  const item = await pendingItem(page);

  // The player: start, let a hold run (fake clock), then finish and log.
  await item.getByRole('button', { name: 'Start' }).click();
  const player = item.getByTestId('player');
  await expect(player).toBeVisible();
  await player.getByRole('button', { name: 'Start' }).click();
  const first = await player.getByTestId('player-countdown').textContent();
  await page.clock.fastForward(3_000);
  await expect(player.getByTestId('player-countdown')).not.toHaveText(first ?? '');
  await player.getByRole('button', { name: "I'm done" }).click();
  await item.getByRole('group', { name: 'Pain before' }).getByRole('radio', { name: /^5\b/ }).check();
  await item.getByRole('group', { name: 'Pain after' }).getByRole('radio', { name: /^3\b/ }).check();
  await item.getByRole('button', { name: 'Save session' }).click();
  await expect(item.getByRole('status')).toHaveText(/Saved\. Well done/);
  await expect.poll(() => serverLogCount(page)).toBe(before + 1);

  // Offline: two more, kept on the phone.
  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  const second = await pendingItem(page, 1);
  await logSession(second, 4, 4);
  await expect(second.getByRole('status')).toHaveText(/Saved on this phone/);
  await logSession(second, 4, 3);
  await expect(second.getByText('2 waiting to send')).toBeVisible();
  expect(await serverLogCount(page)).toBe(before + 1);

  // Back online: both are sent, once each.
  await context.setOffline(false);
  await expect(second.getByText(/waiting to send/)).toHaveCount(0);
  await expect.poll(() => serverLogCount(page)).toBe(before + 3);
  await page.reload();
  expect(await serverLogCount(page)).toBe(before + 3);
  await expect(second.getByText('waiting to send')).toHaveCount(0);
});

test('undo removes a session logged by mistake', async ({ page }) => {
  await signIn(page, 'patient');
  await expect(page).toHaveURL(/\/today$/);
  const before = await serverLogCount(page);
  const item = await pendingItem(page, 0, 'last');
  await logSession(item, 2, 2);
  await expect(item.getByRole('status')).toHaveText(/Saved/);
  await expect.poll(() => serverLogCount(page)).toBe(before + 1);
  await item.getByRole('button', { name: 'Undo' }).click();
  await expect(item.getByRole('status')).toHaveCount(0);
  await expect.poll(() => serverLogCount(page)).toBe(before);
});

test('a red-flag answer shows the urgent-care message at once and puts the patient first on the therapist list', async ({ page, browser }) => {
  await signIn(page, 'patient');
  const checkIn = page.getByTestId('check-in');
  if (await checkIn.getByRole('button', { name: 'Change' }).isVisible()) await checkIn.getByRole('button', { name: 'Change' }).click();
  await checkIn.getByRole('group', { name: 'Pain right now' }).getByRole('radio', { name: /^6\b/ }).check();
  await expect(page.getByTestId('urgent-care')).toHaveCount(0);
  await checkIn.getByRole('checkbox', { name: /numbness, tingling or weakness/ }).check();
  await expect(page.getByTestId('urgent-care')).toContainText('urgent medical care now');
  await checkIn.getByRole('button', { name: /Save check-in|Update check-in/ }).click();
  await expect(checkIn.getByRole('status')).toContainText('pain 6 out of 10');
  await expect(page.getByTestId('urgent-care')).toBeVisible();

  const therapist = await (await browser.newContext()).newPage();
  await signIn(therapist, 'therapist');
  const firstRows = therapist.getByTestId('caseload-table').locator('tbody tr');
  await expect(firstRows.first()).toContainText(/Red flag/);
  await expect(therapist.getByTestId('caseload-table').getByRole('row', { name: /Alex Morgan/ })).toContainText('Red flag');
});

test('keyboard only: check in and log a session without a pointer', async ({ page }) => {
  await signIn(page, 'patient');
  await expect(page).toHaveURL(/\/today$/);
  const before = await serverLogCount(page);
  const focusByTab = async (target: Locator) => {
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('could not reach the element with Tab');
  };
  const item = await pendingItem(page);
  await focusByTab(item.getByRole('button', { name: /Mark done|Log an extra session/ }));
  await page.keyboard.press('Enter');
  const sets = item.getByLabel('Sets done');
  await focusByTab(sets);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('1');
  await focusByTab(item.getByRole('group', { name: 'Pain before' }).getByRole('radio').first());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(item.getByRole('group', { name: 'Pain before' }).getByRole('radio', { name: /^2\b/ })).toBeChecked();
  await focusByTab(item.getByRole('button', { name: 'Save session' }));
  await page.keyboard.press('Enter');
  await expect(item.getByRole('status')).toHaveText(/Saved/);
  await expect.poll(() => serverLogCount(page)).toBe(before + 1);
});
