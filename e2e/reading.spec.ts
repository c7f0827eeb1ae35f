import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expect, signIn, test } from './fixtures';

type Question = { prompt: string; choices: string[]; answer: number };
type ArticleFile = { slug: string; title: string; questions: Question[] };

/** The built-in articles' front matter: the source of truth for the right answers. */
function builtInArticles(): ArticleFile[] {
  const dir = fileURLToPath(new URL('../content/articles/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => parse(readFileSync(path.join(dir, f), 'utf8').split(/^---$/m)[1] ?? '') as ArticleFile);
}

test('a therapist assigns an article; the patient reads it and answers the questions; the therapist sees "understood"', async ({ browser }) => {
  const therapist = await browser.newPage();
  await signIn(therapist, 'therapist');
  await therapist.getByRole('link', { name: 'Alex Morgan' }).click();
  await therapist.getByText('Assign articles').click();
  const form = therapist.getByRole('form', { name: 'Assign reading' });
  const firstChoice = form.getByRole('checkbox').first();
  const title = (await firstChoice.locator('xpath=..').innerText()).split(' · ')[0]?.trim() ?? '';
  const article = builtInArticles().find((a) => a.title === title);
  expect(article, `built-in article titled "${title}"`).toBeTruthy();
  await firstChoice.check();
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(form.getByRole('status')).toHaveText(/Assigned 1 article/);
  await expect(therapist.getByTestId('patient-reading')).toContainText(title);

  const patient = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(patient, 'patient');
  await patient.getByRole('link', { name: 'Reading' }).click();
  await patient.getByRole('link', { name: title }).click();
  await expect(patient.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // Read to the end, then answer the first question wrongly on purpose.
  await patient.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
  const questions = article!.questions;
  const group = (q: Question) => patient.getByRole('group', { name: q.prompt });
  const wrong = (questions[0]!.answer + 1) % questions[0]!.choices.length;
  for (const [i, q] of questions.entries()) {
    await group(q).getByRole('radio', { name: q.choices[i === 0 ? wrong : q.answer]! }).check();
  }
  await patient.getByRole('button', { name: 'Check my answers' }).click();
  await expect(group(questions[0]!).getByText('Not quite.')).toBeVisible();
  await expect(patient.getByTestId('understood')).toHaveCount(0);
  // Retry with the right answer.
  await group(questions[0]!).getByRole('radio', { name: questions[0]!.choices[questions[0]!.answer]! }).check();
  await patient.getByRole('button', { name: 'Check again' }).click();
  await expect(patient.getByTestId('understood')).toBeVisible();

  await therapist.reload();
  await expect(therapist.getByTestId('patient-reading').getByRole('row', { name: new RegExp(title) })).toContainText('Read and understood');
  await therapist.goto(`/library/articles/${article!.slug}`);
  await expect(therapist.getByTestId('article-assignments').getByRole('row', { name: /Alex Morgan/ })).toContainText('Read and understood');
});

test('an unknown article or assignment is a 404 page, not an error', async ({ page }) => {
  await signIn(page, 'patient');
  await expect(page).toHaveURL(/\/today$/);
  expect((await page.goto('/read/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
  expect((await page.goto('/read/not-an-id'))?.status()).toBe(404);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?signed-out=1$/); // the sign-out's own navigation, before the next sign-in
  await signIn(page, 'therapist');
  await expect(page).toHaveURL(/\/caseload$/);
  expect((await page.goto('/library/articles/no-such-article'))?.status()).toBe(404);
  expect((await page.goto('/library/exercises/no-such-exercise'))?.status()).toBe(404);
});
