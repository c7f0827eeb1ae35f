// Not part of the suite: with SCREENSHOTS=1 it saves the onboarding and clinic-admin pages at
// phone and desktop size into e2e/screenshots/ for a person to look at.
import { expect, signIn, test } from './fixtures';
import { signInAsSecondTherapist } from './second-therapist';

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 860 } } as const;

for (const [size, viewport] of Object.entries(SIZES)) {
  test.describe(`${size} onboarding screenshots`, () => {
    test.use({ viewport });

    test('onboarding', async ({ page, browser }) => {
      const shot = (name: string) => page.screenshot({ path: `e2e/screenshots/${size}-${name}.png`, fullPage: true });
      await signInAsSecondTherapist(page);
      await shot('caseload-add');
      await page.goto('/patients/new');
      await shot('add-patient');
      await page.getByRole('button', { name: 'Add patient and send invitation' }).click();
      await expect(page.getByText('Enter a name.')).toBeVisible();
      await shot('add-patient-errors');
      const email = `shot-${size}-${Date.now().toString(36)}@e2e.example`;
      await page.getByLabel('Name').fill('Noor Haddad');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Time zone').selectOption('Europe/London');
      await page.getByRole('button', { name: 'Add patient and send invitation' }).click();
      await expect(page.getByTestId('account-panel')).toBeVisible();
      await shot('patient-invited');
      await page.goto('/outbox');
      await shot('outbox');
      const href = await page.getByTestId('outbox-link').first().getAttribute('href');

      const visitor = await (await browser.newContext({ viewport })).newPage();
      await visitor.goto(new URL(href!).pathname);
      await visitor.screenshot({ path: `e2e/screenshots/${size}-invite.png`, fullPage: true });
      await visitor.getByLabel('New password').fill('password1234');
      await visitor.getByLabel('Type it again').fill('password123');
      await visitor.getByRole('button', { name: 'Set password and sign in' }).click();
      await expect(visitor.getByText(/too common/)).toBeVisible();
      await visitor.screenshot({ path: `e2e/screenshots/${size}-invite-errors.png`, fullPage: true });
      await visitor.goto(`/invite/${'A'.repeat(43)}`);
      await visitor.screenshot({ path: `e2e/screenshots/${size}-invite-closed.png`, fullPage: true });
    });

    test('clinic admin', async ({ page }) => {
      const shot = (name: string) => page.screenshot({ path: `e2e/screenshots/${size}-${name}.png`, fullPage: true });
      await signIn(page, 'admin');
      await expect(page).toHaveURL(/caseload/);
      await page.goto('/admin/therapists');
      await expect(page.getByTestId('staff-table')).toBeVisible();
      await shot('admin-therapists');
      await page.goto('/admin/patients');
      await shot('admin-patients');
      await page.goto('/admin/audit');
      await expect(page.getByTestId('audit-table')).toBeVisible();
      await shot('admin-audit');
      await page.goto('/admin/audit?from=2026-03-02&to=2026-03-01');
      await shot('admin-audit-errors');
      await page.goto('/patients/new');
      await shot('add-patient-admin');
    });
  });
}
