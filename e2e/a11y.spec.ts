import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
  test('sign-in, with and without an error', async ({ page }) => {
    await page.goto('/login');
    await expectNoViolations(page, 'login');
    await signIn(page, 'patient', 'wrong-password-1');
    await expect(page.getByTestId('sign-in-error')).toBeVisible();
    await expectNoViolations(page, 'login error');
  });

  test('patient pages on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'patient');
    await expect(page).toHaveURL(/today/);
    await expectNoViolations(page, 'today');
    await page.getByTestId('today-item').first().getByRole('button', { name: /Mark done|Log an extra/ }).click();
    await expectNoViolations(page, 'today log form');
    await page.goto('/read');
    await expectNoViolations(page, 'reading list');
    await page.getByTestId('reading-item').first().getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Check your understanding' })).toBeVisible();
    await expectNoViolations(page, 'reader');
    await page.goto('/progress');
    await expectNoViolations(page, 'progress');
  });

  test('therapist pages', async ({ page }) => {
    await signIn(page, 'therapist');
    await expect(page).toHaveURL(/caseload/);
    await expectNoViolations(page, 'caseload');
    await page.getByRole('link', { name: 'Morgan Brooks' }).click();
    await expect(page.getByTestId('plan-items')).toBeVisible();
    await expectNoViolations(page, 'patient');
    await page.goto('/library');
    await expectNoViolations(page, 'library articles');
    await page.getByTestId('library-articles').getByRole('link').first().click();
    await expectNoViolations(page, 'article');
    await page.goto('/library?tab=exercises');
    await expectNoViolations(page, 'library exercises');
    await page.getByTestId('library-exercises').getByRole('link').first().click();
    await expectNoViolations(page, 'exercise');
  });
});
