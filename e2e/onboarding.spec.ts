import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { addPatient, linkFromOutbox, uniqueEmail } from './onboarding-helpers';
import { signInAsSecondTherapist } from './second-therapist';

const PHONE = { width: 390, height: 844 };
const CLOSED = 'This invitation link has expired or was already used. Ask your clinic for a new one.';

async function phonePage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: PHONE })).newPage();
}

test('a therapist invites a patient; the patient sets a password, is signed in and lands on an empty Today', async ({ browser }) => {
  const therapist = await browser.newPage();
  await signInAsSecondTherapist(therapist);
  const email = uniqueEmail('robin');
  await addPatient(therapist, 'Robin Newcomer', email);
  await expect(therapist.getByTestId('account-panel')).toContainText('Invitation pending');
  await expect(therapist.getByTestId('account-panel').getByRole('status')).toContainText('Outbox');

  // The caseload marks the pending account.
  await therapist.goto('/caseload');
  await expect(therapist.getByTestId('caseload-table').getByRole('row', { name: /Robin Newcomer/ })).toContainText('Invitation pending');

  // The same email again is a clear field error, and what was typed stays.
  await therapist.getByRole('link', { name: 'Add patient' }).click();
  const form = therapist.getByRole('form', { name: 'Add patient' });
  await form.getByLabel('Name').fill('Robin Again');
  await form.getByLabel('Email').fill(email.toUpperCase());
  await form.getByRole('button', { name: 'Add patient and send invitation' }).click();
  await expect(form.getByText('An account with this email already exists.')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue('Robin Again');
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

  const link = await linkFromOutbox(therapist, email);
  const patient = await phonePage(browser);
  await patient.goto(link);
  await expect(patient.getByRole('heading', { name: 'Welcome, Robin' })).toBeVisible();
  await expect(patient.getByLabel('Email')).toHaveValue(email);
  const submit = patient.getByRole('button', { name: 'Set password and sign in' });

  await patient.getByLabel('New password').fill('too-short');
  await patient.getByLabel('Type it again').fill('too-short');
  await submit.click();
  await expect(patient.getByText('Use at least 12 characters.')).toBeVisible();

  await patient.getByLabel('New password').fill('password1234');
  await patient.getByLabel('Type it again').fill('password1234');
  await submit.click();
  await expect(patient.getByText(/too common/)).toBeVisible();

  await patient.getByLabel('New password').fill('slow stretches every morning');
  await patient.getByLabel('Type it again').fill('slow stretches every evening');
  await submit.click();
  await expect(patient.getByText('The two passwords do not match.')).toBeVisible();

  await patient.getByLabel('New password').fill('slow stretches every morning');
  await patient.getByLabel('Type it again').fill('slow stretches every morning');
  await submit.click();
  await expect(patient).toHaveURL(/\/today$/);
  await expect(patient.getByRole('heading', { name: 'Hi Robin' })).toBeVisible();
  await expect(patient.getByText('You have no stretch plan yet.')).toBeVisible();

  // Single use: the same link now explains itself instead of working.
  await patient.goto(link);
  await expect(patient.getByTestId('invitation-closed')).toContainText(CLOSED);

  // They can sign in with their new password anywhere.
  const again = await phonePage(browser);
  await again.goto('/login');
  await again.getByLabel('Email').fill(email);
  await again.getByLabel('Password').fill('slow stretches every morning');
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(again).toHaveURL(/\/today$/);

  // The therapist no longer sees a pending invitation.
  await therapist.goto('/caseload');
  await expect(therapist.getByTestId('caseload-table').getByRole('row', { name: /Robin Newcomer/ })).not.toContainText('Invitation');
});

test('resend replaces the link (the old one stops working); revoke closes it', async ({ browser }) => {
  const therapist = await browser.newPage();
  await signInAsSecondTherapist(therapist);
  const email = uniqueEmail('casey');
  await addPatient(therapist, 'Casey Fresh', email);
  const patientUrl = therapist.url();
  const first = await linkFromOutbox(therapist, email);

  await therapist.goto(patientUrl);
  const panel = therapist.getByTestId('account-panel');
  await panel.getByRole('button', { name: 'Resend invitation' }).click();
  await expect(panel.getByText(/A new link was created/)).toBeVisible();
  const second = await linkFromOutbox(therapist, email);
  expect(second).not.toBe(first);

  const visitor = await phonePage(browser);
  await visitor.goto(first);
  await expect(visitor.getByTestId('invitation-closed')).toContainText(CLOSED);
  await visitor.goto(second);
  await expect(visitor.getByRole('button', { name: 'Set password and sign in' })).toBeVisible();

  await therapist.goto(patientUrl);
  await therapist.getByTestId('account-panel').getByRole('button', { name: 'Revoke' }).click();
  await expect(therapist.getByTestId('account-panel').getByText('The invitation was revoked. Its link no longer works.')).toBeVisible();
  await therapist.reload();
  await expect(therapist.getByTestId('account-panel')).toContainText('Invitation revoked');

  // The form that was already open refuses the revoked link without losing the page.
  await visitor.getByLabel('New password').fill('a calm walk by the river');
  await visitor.getByLabel('Type it again').fill('a calm walk by the river');
  await visitor.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(visitor.getByTestId('invitation-closed')).toContainText(CLOSED);
});

test('an unknown or malformed invitation link is a clear page, not an error', async ({ page }) => {
  for (const path of [`/invite/${'A'.repeat(43)}`, '/invite/not-a-token', '/invite/%27%20or%201%3D1']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(page.getByTestId('invitation-closed')).toContainText(CLOSED);
  }
});

test('a patient cannot reach Add patient or the Outbox', async ({ page }) => {
  await signIn(page, 'patient');
  await expect(page).toHaveURL(/\/today$/);
  await page.goto('/patients/new');
  await expect(page).toHaveURL(/\/today$/);
  await page.goto('/outbox');
  await expect(page).toHaveURL(/\/today$/);
});
