import { expect, signIn, test } from './fixtures';

const PASSWORD = 'quiet harbour lanterns glow';

test('an admin invites a therapist, moves a patient to them, disables them while they are signed in elsewhere (signed out on their next request), and re-enables them', async ({ browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, 'admin');
  await expect(admin).toHaveURL(/\/caseload$/);
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(admin).toHaveURL(/\/admin\/therapists$/);

  const name = `Sasha Temp ${Date.now().toString(36)}`;
  const email = `sasha-${Date.now().toString(36)}@e2e.example`;
  const form = admin.getByRole('form', { name: 'Invite a therapist' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByRole('status')).toContainText(`${name} was invited`);
  await expect(admin.getByTestId('staff-row').filter({ hasText: name })).toContainText('Invitation pending');

  // The admin cannot disable themself: their own row has no Disable button.
  await expect(admin.getByRole('button', { name: 'Disable Priya Shah' })).toHaveCount(0);

  await admin.goto('/outbox');
  const message = admin.getByTestId('outbox-message').filter({ hasText: email }).first();
  const href = await message.getByTestId('outbox-link').getAttribute('href');
  const therapist = await (await browser.newContext()).newPage();
  await therapist.goto(new URL(href!).pathname);
  await therapist.getByLabel('New password').fill(PASSWORD);
  await therapist.getByLabel('Type it again').fill(PASSWORD);
  await therapist.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(therapist).toHaveURL(/\/caseload$/);
  await expect(therapist.getByText('No patients yet')).toBeVisible();

  // Move a patient to the new therapist; they see them on their next request.
  await admin.goto('/admin/patients');
  const row = admin.getByTestId('assignment-row').filter({ hasText: 'Taylor Kim' });
  await row.getByLabel('Move Taylor Kim to').selectOption({ label: name });
  await row.getByRole('button', { name: 'Move Taylor Kim' }).click();
  await expect(row.getByText('Moved.')).toBeVisible();
  await therapist.reload();
  await expect(therapist.getByTestId('caseload-table')).toContainText('Taylor Kim');

  // Disable: every session ends at once.
  await admin.goto('/admin/therapists');
  await admin.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(admin.getByTestId('staff-row').filter({ hasText: name })).toContainText('Signed out of 1 session');
  await therapist.getByRole('link', { name: 'Library' }).click();
  await expect(therapist).toHaveURL(/\/login/);
  await therapist.goto('/caseload');
  await expect(therapist).toHaveURL(/\/login/);
  // Signing in again is refused with the generic message.
  await therapist.getByLabel('Email').fill(email);
  await therapist.getByLabel('Password').fill(PASSWORD);
  await therapist.getByRole('button', { name: 'Sign in' }).click();
  await expect(therapist.getByTestId('sign-in-error')).toBeVisible();

  // Their patient stays with them (shown first, flagged) until moved back.
  await admin.goto('/admin/patients');
  const stranded = admin.getByTestId('assignment-row').filter({ hasText: 'Taylor Kim' });
  await expect(stranded).toContainText('Disabled');
  await stranded.getByLabel('Move Taylor Kim to').selectOption({ label: 'Maya Okafor' });
  await stranded.getByRole('button', { name: 'Move Taylor Kim' }).click();
  await expect(stranded.getByText('Moved.')).toBeVisible();

  // Re-enable: they can sign in again.
  await admin.goto('/admin/therapists');
  await admin.getByRole('button', { name: `Enable ${name}` }).click();
  await expect(admin.getByTestId('staff-row').filter({ hasText: name })).toContainText('Enabled');
  await therapist.getByLabel('Email').fill(email);
  await therapist.getByLabel('Password').fill(PASSWORD);
  await therapist.getByRole('button', { name: 'Sign in' }).click();
  await expect(therapist).toHaveURL(/\/caseload$/);

  // The audit log shows all of it, filtered by action family and by patient.
  await admin.goto('/admin/audit?action=therapist');
  const table = admin.getByTestId('audit-table');
  await expect(table).toContainText('therapist.disable');
  await expect(table).toContainText('therapist.enable');
  await admin.goto('/admin/audit');
  await admin.getByLabel('Patient').selectOption({ label: 'Taylor Kim' });
  await admin.getByLabel('Action').fill('patient.reassign');
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin.getByTestId('audit-row')).toHaveCount(2);
});

test('the audit log pages 50 rows at a time and refuses bad filters with a message', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/caseload$/);
  // Make sure there are more than 50 rows: each page view is itself audited.
  for (let i = 0; i < 3; i++) await page.goto('/caseload');
  await page.goto('/admin/audit');
  const rows = page.getByTestId('audit-row');
  if ((await page.getByRole('link', { name: 'Next →' }).count()) > 0) {
    await expect(rows).toHaveCount(50);
    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByRole('link', { name: '← Previous' })).toBeVisible();
  }
  await page.goto('/admin/audit?from=2026-03-02&to=2026-03-01');
  const summary = page.getByText('Some filters are not valid');
  await expect(summary).toContainText('To');
  await expect(page.getByText('To must be on or after the from date.')).toBeVisible();
  const response = await page.goto('/admin/audit?patientId=not-a-uuid');
  expect(response?.status()).toBe(200);
  await expect(summary).toContainText('Patient');
});

test('admin pages are for admins only', async ({ page }) => {
  await signIn(page, 'therapist');
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  for (const path of ['/admin', '/admin/therapists', '/admin/patients', '/admin/audit']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/caseload$/);
  }
});
