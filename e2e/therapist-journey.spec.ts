import { expect, test } from './fixtures';
import { addPatient, linkFromOutbox, uniqueEmail } from './onboarding-helpers';
import { signInAsSecondTherapist } from './second-therapist';

test('invite → accept → plan from a template → one dosage revised → two articles: the patient sees all of it on Today', async ({ browser }) => {
  const therapist = await browser.newPage();
  await signInAsSecondTherapist(therapist);
  const email = uniqueEmail('sky');
  await addPatient(therapist, 'Sky Journey', email);
  const patientUrl = therapist.url();

  // The patient accepts the invitation on their phone and is signed in.
  const patient = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await patient.goto(await linkFromOutbox(therapist, email));
  await patient.getByLabel('New password').fill('slow stretches every morning');
  await patient.getByLabel('Type it again').fill('slow stretches every morning');
  await patient.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(patient).toHaveURL(/\/today$/);
  await expect(patient.getByText(/no stretch plan yet/)).toBeVisible();

  // A plan from a built-in template.
  await therapist.goto(patientUrl);
  await therapist.getByRole('link', { name: 'Build a plan' }).click();
  await therapist.getByLabel('Template').selectOption({ label: 'Quick low-back release' });
  await therapist.getByRole('button', { name: 'Create plan' }).click();
  await expect(therapist).toHaveURL(/\?saved=created$/);

  // One dosage changed: a new revision.
  const items = therapist.getByTestId('plan-builder-items');
  const first = (await items.locator('tbody tr').first().locator('th').innerText()).trim();
  await therapist.getByLabel(`Hold seconds for ${first}`).fill('25');
  await therapist.getByRole('button', { name: 'Save changes' }).click();
  await expect(therapist).toHaveURL(/\?saved=r2$/);
  await expect(therapist.getByTestId('revision-history').locator('tbody tr')).toHaveCount(2);

  // Two articles with a due date.
  await therapist.goto(patientUrl);
  await therapist.getByText('Assign articles').click();
  const form = therapist.getByRole('form', { name: 'Assign reading' });
  const boxes = form.getByRole('checkbox');
  const titles = [];
  for (const i of [0, 1]) {
    titles.push(((await boxes.nth(i).locator('xpath=..').innerText()).split(' · ')[0] ?? '').trim());
    await boxes.nth(i).check();
  }
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(form.getByRole('status')).toHaveText(/Assigned 2 articles/);

  // The patient's Today shows the plan (with the revised hold) and the reading.
  await patient.reload();
  const firstItem = patient.getByTestId('today-item').filter({ hasText: first }).first();
  await expect(firstItem).toContainText('hold 25 s');
  await expect(patient.getByTestId('today-item')).toHaveCount(4);
  for (const title of titles) await expect(patient.getByTestId('today-reading')).toContainText(title);
});
