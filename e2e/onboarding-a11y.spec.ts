import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { signInAsSecondTherapist } from './second-therapist';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

test.describe('accessibility of onboarding and clinic admin (axe, WCAG 2.2 AA)', () => {
  test('add patient, invitation status, outbox and the invitation page', async ({ page, browser }) => {
    await signInAsSecondTherapist(page);
    await page.goto('/patients/new');
    await expectNoViolations(page, 'add patient');
    await page.getByRole('button', { name: 'Add patient and send invitation' }).click();
    await expect(page.getByText('Enter a name.')).toBeVisible();
    await expectNoViolations(page, 'add patient errors');
    const email = `axe-${Date.now().toString(36)}@e2e.example`;
    await page.getByLabel('Name').fill('Ari Axe');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Time zone').selectOption('Europe/London');
    await page.getByRole('button', { name: 'Add patient and send invitation' }).click();
    await expect(page.getByTestId('account-panel')).toBeVisible();
    await expectNoViolations(page, 'patient with pending invitation');
    await page.goto('/outbox');
    await expectNoViolations(page, 'outbox');
    const href = await page.getByTestId('outbox-message').filter({ hasText: email }).getByTestId('outbox-link').getAttribute('href');

    const visitor = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
    await visitor.goto(new URL(href!).pathname);
    await expectNoViolations(visitor, 'invitation');
    await visitor.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(visitor.getByText('Use at least 12 characters.')).toBeVisible();
    await expectNoViolations(visitor, 'invitation errors');
    await visitor.goto(`/invite/${'A'.repeat(43)}`);
    await expectNoViolations(visitor, 'invitation closed');
  });

  test('clinic admin pages', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page).toHaveURL(/caseload/);
    for (const path of ['/admin/therapists', '/admin/patients', '/admin/audit', '/admin/audit?from=2026-03-02&to=2026-03-01', '/patients/new']) {
      await page.goto(path);
      await expectNoViolations(page, path);
    }
  });
});
