import { expect, pendingItem, signIn, test } from './fixtures';

test('a therapist sorts the roster by adherence and opens the worsening patient to see the alert reason', async ({ page }) => {
  await signIn(page, 'therapist');
  const table = page.getByTestId('caseload-table');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  // Red flags first by default: the worsening patient leads.
  await expect(table.locator('tbody tr').first()).toContainText('Morgan Brooks');

  const header = table.getByRole('columnheader', { name: /7 days/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
  const direction = await header.getAttribute('aria-sort');
  const values = await table.locator('tbody tr').evaluateAll((rows, col) => {
    const index = [...rows[0]!.closest('table')!.querySelectorAll('thead th')].findIndex((th) => th.textContent?.includes(col));
    return rows.map((r) => r.children[index]?.textContent?.trim() ?? '');
  }, '7 days');
  const numbers = values.map((v) => (/\d/.test(v) ? Number(v.replace(/[^\d.]/g, '')) : null)).filter((v): v is number => v !== null);
  const sorted = [...numbers].sort((a, b) => (direction === 'ascending' ? a - b : b - a));
  expect(numbers).toEqual(sorted);

  await table.getByRole('link', { name: 'Morgan Brooks' }).click();
  await page.getByRole('link', { name: 'Charts' }).click();
  const alerts = page.getByTestId('series-alerts');
  await expect(alerts).toContainText(/numbness|red flag/i);
  await expect(alerts).toContainText(/pain/i);
  await expect(page.getByTestId('daily-pain-chart').getByTestId('chart-summary')).toBeVisible();
  await page.getByRole('link', { name: '90 days' }).click();
  await expect(page).toHaveURL(/range=90/);
  await expect(page.getByTestId('weekly-adherence-chart')).toBeVisible();
});

test('a patient logs a session and sees their progress change without a reload', async ({ page }) => {
  await signIn(page, 'patient');
  await page.getByRole('link', { name: 'Progress' }).click();
  const today = page.getByTestId('today-so-far');
  await expect(today).toContainText('Today so far');
  const before = Number((await today.locator('strong').textContent()) ?? '0');
  await page.getByRole('link', { name: 'Today' }).click();
  const item = await pendingItem(page);
  await item.getByRole('button', { name: /Mark done/ }).click();
  await item.getByRole('button', { name: 'Save session' }).click();
  await expect(item.getByRole('status')).toHaveText(/Saved/);
  await page.getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByTestId('today-so-far').locator('strong')).toHaveText(String(before + 1));
  await expect(page.getByTestId('progress-adherence-chart').getByTestId('chart-summary')).toBeVisible();
});
