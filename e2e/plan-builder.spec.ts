import { expect, signIn, test } from './fixtures';

test('a therapist builds a plan from a template, revises a dosage, and a bad value is kept and not saved', async ({ page }) => {
  await signIn(page, 'therapist');
  await page.getByRole('link', { name: 'Jamie Rivera' }).click();
  await page.getByRole('link', { name: /Edit plan|Build a plan/ }).click();
  await expect(page.getByRole('heading', { name: 'Plan for Jamie Rivera' })).toBeVisible();

  // A new plan from a built-in template.
  await page.getByRole('button', { name: 'Start a new plan' }).click();
  await page.getByLabel('Template').selectOption({ label: 'Quick low-back release' });
  const items = page.getByTestId('plan-builder-items');
  await expect(items.locator('tbody tr')).toHaveCount(4);
  await expect(page.getByLabel('Title')).toHaveValue('Quick low-back release');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page).toHaveURL(/\?saved=created$/);
  await expect(page.getByRole('status').filter({ hasText: 'Plan created' })).toBeVisible();
  await expect(page.getByTestId('revision-history').locator('tbody tr')).toHaveCount(1);

  // A bad value: shown next to the field, kept, nothing saved.
  const firstName = (await items.locator('tbody tr').first().locator('th').innerText()).trim();
  const sets = page.getByLabel(`Sets for ${firstName}`);
  await sets.fill('0');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(items.getByText('must be at least 1')).toBeVisible();
  await expect(sets).toHaveValue('0');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toBeVisible();
  await expect(page.getByTestId('revision-history').locator('tbody tr')).toHaveCount(1);

  // Fix it and change a hold: revision 2.
  await sets.fill('2');
  await page.getByLabel(`Hold seconds for ${firstName}`).fill('15');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\?saved=r2$/);
  await expect(page.getByRole('status').filter({ hasText: 'Saved as revision 2' })).toBeVisible();
  await expect(page.getByTestId('revision-history').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('revision-history').locator('tbody tr').first()).toContainText(`Changed ${firstName}`);
  await page.reload();
  await expect(page.getByLabel(`Hold seconds for ${firstName}`)).toHaveValue('15');

  // More than 6 exercises: warned, not blocked.
  for (let i = 0; i < 3; i++) {
    await page.getByLabel('Exercise to add').selectOption({ index: i + 1 });
    await page.getByRole('button', { name: 'Add exercise' }).click();
  }
  await expect(page.getByText(/7 exercises: long plans are often not finished/)).toBeVisible();

  // Pause and resume.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByLabel('Plan status').getByText('paused')).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByLabel('Plan status').getByText('active')).toBeVisible();
});

test("another clinic's therapist gets 404 for the plan page", async ({ page, browser }) => {
  await signIn(page, 'therapist');
  await page.getByRole('link', { name: 'Alex Morgan' }).click();
  const url = `${page.url()}/plan`;
  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'otherClinicTherapist');
  await expect(other).toHaveURL(/caseload/);
  expect((await other.goto(url))?.status()).toBe(404);
});

test('save a plan as a clinic template, then edit and delete it; built-in templates are read-only', async ({ page }) => {
  await signIn(page, 'therapist');
  await page.getByRole('link', { name: 'Drew Martinez' }).click();
  await page.getByRole('link', { name: 'Edit plan' }).click();
  await page.getByText('Save these exercises as a clinic template').click();
  const form = page.getByRole('form', { name: 'Save as template' });
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(form.getByText('Template name is required.')).toBeVisible();
  await form.getByLabel('Template name').fill('Drew’s hip routine');
  await form.getByLabel('Purpose (one line)').fill('Hip flexor and glute work for desk workers.');
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(form.getByRole('status')).toContainText('Saved "Drew’s hip routine"');

  await page.goto('/templates');
  await page.getByTestId('clinic-templates').getByRole('link', { name: 'Drew’s hip routine' }).click();
  await page.getByLabel('Name').fill('Desk hips');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status')).toHaveText('Template saved.');
  await page.goto('/templates');
  await expect(page.getByTestId('clinic-templates')).toContainText('Desk hips');
  await page.getByTestId('clinic-templates').getByRole('link', { name: 'Desk hips' }).click();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete template' }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByTestId('clinic-templates')).not.toContainText('Desk hips');

  await page.getByTestId('builtin-templates').getByRole('link').first().click();
  await expect(page.getByText('Built-in template: read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save template' })).toHaveCount(0);
});
