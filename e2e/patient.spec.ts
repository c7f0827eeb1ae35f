import { expect, pendingItem, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test.describe('patient on a phone', () => {
  test('marks a stretch done with pain before and after, and it stays done after reload', async ({ page, signedInAs }) => {
    await signedInAs('patient');
    await expect(page.getByRole('heading', { name: /Hi Alex/ })).toBeVisible();
    const item = await pendingItem(page);
    const progress = item.getByTestId('item-progress');
    const before = Number((await progress.textContent())?.match(/(\d+) of/)?.[1]);
    await item.getByRole('button', { name: /Mark done|Log an extra session/ }).click();
    await item.getByRole('group', { name: 'Pain before' }).getByRole('radio', { name: /^4/ }).check();
    await item.getByRole('group', { name: 'Pain after' }).getByRole('radio', { name: /^2/ }).check();
    await item.getByText('About right').click();
    await item.getByRole('button', { name: 'Save session' }).click();
    await expect(item.getByRole('status')).toHaveText(/Saved/);
    await expect(progress).toContainText(`${before + 1} of`);
    await page.reload();
    await expect(item.getByTestId('item-progress')).toContainText(`${before + 1} of`);
  });

  test('a bad number of sets gets a message next to the field and keeps what was typed', async ({ page, signedInAs }) => {
    await signedInAs('patient');
    const item = await pendingItem(page);
    const progress = await item.getByTestId('item-progress').textContent();
    await item.getByRole('button', { name: /Mark done|Log an extra session/ }).click();
    await item.getByLabel('Sets done').fill('0');
    await item.getByRole('group', { name: 'Pain before' }).getByRole('radio', { name: /^6/ }).check();
    await item.getByRole('button', { name: 'Save session' }).click();
    await expect(item.getByText(/Sets done must be at least 1/)).toBeVisible();
    await expect(item.getByLabel('Sets done')).toHaveValue('0');
    await expect(item.getByRole('group', { name: 'Pain before' }).getByRole('radio', { name: /^6/ })).toBeChecked();
    await expect(item.getByTestId('item-progress')).toHaveText(progress ?? '');
  });

  test('a patient cannot open therapist pages', async ({ page, signedInAs }) => {
    await signedInAs('patient');
    await page.goto('/caseload');
    await expect(page).toHaveURL(/\/today$/);
  });
});
