import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect } from './fixtures';

/**
 * Signs in as Daniel Reyes, the demo clinic's second therapist. Onboarding specs add patients
 * through him, so Maya's seeded caseload (which other specs count) never changes.
 */
export async function signInAsSecondTherapist(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill('daniel.reyes@riverside-physio.example');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
}
