import { DEMO_ACCOUNTS, expect, signIn, test } from './fixtures';

test.describe('sign-in', () => {
  test('a signed-out visitor is sent to the sign-in page', async ({ page }) => {
    await page.goto('/caseload');
    await expect(page).toHaveURL(/\/login\?next=%2Fcaseload$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('a wrong password gets a generic error and keeps the email', async ({ page }) => {
    await signIn(page, 'therapist', 'not-the-right-password');
    await expect(page.getByTestId('sign-in-error')).toHaveText(/do not match an account/);
    await expect(page.getByLabel('Email')).toHaveValue(DEMO_ACCOUNTS.therapist.email);
    await expect(page.getByLabel('Password')).toHaveValue('');
  });

  test('an unknown email gets the same message as a wrong password', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('nobody@riverside-physio.example');
    await page.getByLabel('Password').fill('whatever-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText(/do not match an account/);
  });

  test('empty and malformed fields get messages next to them', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#email-error')).toHaveText(/valid email/);
    await expect(page.locator('#password-error')).toHaveText(/Enter your password/);
    await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
  });

  test('a deep link survives sign-in, and sign-out ends the session on the server', async ({ page, context }) => {
    await page.goto('/caseload');
    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.therapist.email);
    await page.getByLabel('Password').fill('stretch-and-breathe-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/caseload$/);
    const cookies = await context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login\?signed-out=1$/);
    // Replaying the old session cookie does not get back in: the server-side session is revoked.
    await context.addCookies(cookies);
    await page.goto('/caseload');
    await expect(page).toHaveURL(/\/login/);
  });
});
