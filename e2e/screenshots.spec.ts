// Not part of the suite: `npm run screenshots` (after `next build`) saves every page at phone
// and desktop size into e2e/screenshots/ for a person to look at.
import { expect, signIn, test } from './fixtures';

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 860 } } as const;

for (const [size, viewport] of Object.entries(SIZES)) {
  test.describe(`${size} screenshots`, () => {
    test.use({ viewport });

    test('sign-in', async ({ page }) => {
      await page.goto('/login');
      await page.screenshot({ path: `e2e/screenshots/${size}-login.png`, fullPage: true });
      await signIn(page, 'therapist', 'wrong-password-here');
      await expect(page.getByTestId('sign-in-error')).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-login-error.png`, fullPage: true });
    });

    test('therapist pages', async ({ page }) => {
      await signIn(page, 'therapist');
      await expect(page.getByTestId('caseload-table')).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-caseload.png`, fullPage: true });
      await page.getByRole('link', { name: 'Morgan Brooks' }).click();
      await expect(page.getByTestId('plan-items')).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-patient.png`, fullPage: true });
      await page.getByRole('link', { name: 'Charts' }).click();
      await expect(page.getByTestId('daily-pain-chart')).toBeVisible();
      // Charts draw when scrolled into view: bring each one on screen before the full-page shot.
      for (const id of ['weekly-adherence-chart', 'per-item-chart', 'daily-pain-chart', 'pain-around-sessions-chart']) {
        await page.getByTestId(id).scrollIntoViewIfNeeded();
        await expect(page.getByTestId(id).locator('svg.recharts-surface')).toBeVisible();
      }
      await page.screenshot({ path: `e2e/screenshots/${size}-patient-charts.png`, fullPage: true });
      for (const range of ['90 days', 'All']) {
        await page.getByRole('link', { name: range, exact: true }).click();
        await expect(page.getByRole('link', { name: range, exact: true })).toHaveAttribute('aria-current', /.+/);
        for (const id of ['weekly-adherence-chart', 'daily-pain-chart', 'pain-around-sessions-chart']) {
          await page.getByTestId(id).scrollIntoViewIfNeeded();
          await expect(page.getByTestId(id).locator('svg.recharts-surface')).toBeVisible();
        }
        await page.screenshot({ path: `e2e/screenshots/${size}-patient-charts-${range === 'All' ? 'all' : '90'}.png`, fullPage: true });
      }
      await page.goto(page.url().replace(/\/charts.*$/, ''));
      await page.getByRole('link', { name: 'Edit plan' }).click();
      await expect(page.getByTestId('plan-builder-items')).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-plan-builder.png`, fullPage: true });
    });

    test('library', async ({ page }) => {
      await signIn(page, 'therapist');
      await expect(page).toHaveURL(/caseload/);
      await page.goto('/library');
      await expect(page.getByTestId('library-articles')).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-library-articles.png`, fullPage: true });
      await page.getByTestId('library-articles').getByRole('link').first().click();
      await expect(page.getByTestId('readability')).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-library-article.png`, fullPage: true });
      await page.goto('/library?tab=exercises&equipment=foam_roller');
      await expect(page.getByTestId('library-exercises')).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-library-exercises.png`, fullPage: true });
      await page.getByTestId('library-exercises').getByRole('link').first().click();
      await expect(page.getByRole('heading', { name: 'How to do it' })).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-exercise.png`, fullPage: true });
    });

    test('patient reading', async ({ page }) => {
      await signIn(page, 'patient');
      await expect(page).toHaveURL(/today/);
      await page.goto('/read');
      await page.screenshot({ path: `e2e/screenshots/${size}-reading-list.png`, fullPage: true });
      await page.getByTestId('reading-item').first().getByRole('link').click();
      await expect(page.getByRole('heading', { name: 'Check your understanding' })).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-reader.png`, fullPage: true });
    });

    test('patient day', async ({ page }) => {
      await signIn(page, 'patient');
      await expect(page).toHaveURL(/today/);
      const item = page.getByTestId('today-item').first();
      await item.getByRole('button', { name: /Start|Do it again/ }).click();
      await expect(item.getByTestId('player')).toBeVisible();
      await item.getByTestId('player').getByRole('button', { name: 'Start' }).click();
      await item.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `e2e/screenshots/${size}-player.png`, fullPage: true });
      await page.goto('/today');
      const checkIn = page.getByTestId('check-in');
      if (await checkIn.getByRole('button', { name: 'Change' }).isVisible()) await checkIn.getByRole('button', { name: 'Change' }).click();
      await checkIn.getByRole('checkbox', { name: /New numbness/ }).check();
      await page.screenshot({ path: `e2e/screenshots/${size}-check-in-red-flag.png`, fullPage: false });
      await page.goto('/progress');
      for (const id of ['progress-adherence-chart', 'progress-pain-chart']) {
        await page.getByTestId(id).scrollIntoViewIfNeeded();
        await expect(page.getByTestId(id).locator('svg.recharts-surface')).toBeVisible();
      }
      await page.screenshot({ path: `e2e/screenshots/${size}-progress.png`, fullPage: true });
    });

    test('article editor', async ({ page }) => {
      await signIn(page, 'therapist');
      await expect(page).toHaveURL(/caseload/);
      await page.goto('/library/articles/new');
      await page.screenshot({ path: `e2e/screenshots/${size}-editor.png`, fullPage: true });
    });

    test('admin caseload', async ({ page }) => {
      await signIn(page, 'admin');
      await expect(page.getByTestId('caseload-table')).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-admin-caseload.png`, fullPage: true });
    });

    test('patient Today', async ({ page }) => {
      await signIn(page, 'patient');
      await expect(page.getByTestId('today-item').first()).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${size}-today.png`, fullPage: true });
      const item = page.getByTestId('today-item').first();
      await item.getByRole('button', { name: /Mark done|Log an extra session/ }).click();
      await item.getByLabel('Sets done').fill('0');
      await item.getByRole('button', { name: 'Save session' }).click();
      await expect(item.getByText(/Sets done must be/)).toBeVisible();
      await item.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `e2e/screenshots/${size}-today-log-error.png`, fullPage: true });
    });
  });
}
