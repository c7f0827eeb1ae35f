import { expect, test } from './fixtures';

test.describe('therapist', () => {
  test('sees their caseload and opens a patient with plan and recent sessions', async ({ page, signedInAs }) => {
    await signedInAs('therapist');
    await expect(page.getByRole('heading', { name: 'Your caseload' })).toBeVisible();
    const table = page.getByTestId('caseload-table');
    await expect(table.locator('tbody tr')).toHaveCount(7);
    // Another therapist's patient and the other clinic's patients are not listed.
    await expect(table).not.toContainText('Jordan Lee');
    await expect(table).not.toContainText('Nina Rossi');
    await table.getByRole('link', { name: 'Alex Morgan' }).click();
    await expect(page.getByRole('heading', { name: 'Alex Morgan' })).toBeVisible();
    await expect(page.getByTestId('plan-items').locator('tbody tr').first()).toBeVisible();
    await expect(page.getByTestId('recent-days').locator('tbody tr')).toHaveCount(14);
  });

  test('the worsening patient shows the red-flag alert', async ({ page, signedInAs }) => {
    await signedInAs('therapist');
    await page.getByRole('link', { name: 'Morgan Brooks' }).click();
    await expect(page.getByTestId('red-flag-alert')).toContainText('numbness or weakness');
  });

  test('a patient who is not in their care is a 404, not a leak', async ({ page, signedInAs, request }) => {
    await signedInAs('admin');
    // The admin sees the whole clinic: find a patient of the other therapist.
    await page.getByRole('link', { name: 'Jordan Lee' }).click();
    await expect(page.getByRole('heading', { name: 'Jordan Lee' })).toBeVisible();
    const jordanUrl = page.url();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login\?signed-out=1$/); // the sign-out's own navigation, before the next sign-in
    await signedInAs('therapist');
    const response = await page.goto(jordanUrl);
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Jordan Lee')).toHaveCount(0);
    void request;
  });
});
