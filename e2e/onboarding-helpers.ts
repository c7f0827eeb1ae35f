import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const uniqueEmail = (tag: string) => `${tag}-${Date.now().toString(36)}@e2e.example`;

/** Adds a patient from the caseload as the signed-in therapist and returns to their page. */
export async function addPatient(page: Page, name: string, email: string) {
  await page.goto('/caseload');
  await page.getByRole('link', { name: 'Add patient' }).click();
  const form = page.getByRole('form', { name: 'Add patient' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Time zone').selectOption('Europe/London');
  await form.getByLabel(/Condition note/).fill('grade 1 lumbar strain');
  await form.getByRole('button', { name: 'Add patient and send invitation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The newest link the outbox holds for an address. */
export async function linkFromOutbox(page: Page, email: string): Promise<string> {
  await page.goto('/outbox');
  const message = page.getByTestId('outbox-message').filter({ has: page.getByTestId('outbox-to').getByText(email, { exact: true }) }).first();
  await expect(message).toBeVisible();
  await expect(message).not.toContainText('lumbar');
  const href = await message.getByTestId('outbox-link').getAttribute('href');
  if (!href) throw new Error(`no link for ${email}`);
  return new URL(href).pathname;
}

