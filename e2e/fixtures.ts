import { expect, test as base, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/demo-accounts';

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export async function signIn(page: Page, role: DemoRole, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(DEMO_ACCOUNTS[role].email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const test = base.extend<{ signedInAs: (role: DemoRole) => Promise<void> }>({
  signedInAs: async ({ page }, provide) => {
    await provide(async (role) => {
      await signIn(page, role);
      await expect(page).toHaveURL(role === 'patient' || role === 'otherPatient' ? /\/today$/ : /\/caseload$/);
    });
  },
});

export { expect, DEMO_ACCOUNTS, DEMO_PASSWORD };

/** A Today item not yet done today, pinned by its id (a filtered locator would move once it is done). */
export async function pendingItem(page: Page, index = 0, from: 'first' | 'last' = 'first') {
  const open = page.getByTestId('today-item').filter({ hasNotText: 'Done for today' });
  const target = from === 'last' ? open.last() : open.nth(index);
  const id = await target.getAttribute('data-plan-item-id');
  if (!id) throw new Error('no Today item left that is not done');
  return page.locator(`[data-plan-item-id="${id}"]`);
}
