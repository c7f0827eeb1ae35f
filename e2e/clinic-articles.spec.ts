import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

const HARD_BODY =
  'Prolonged immobilization of the paraspinal musculature, combined with inadequate hydration and accumulated psychosocial stressors, frequently contributes to the perpetuation of discomfort, particularly among individuals whose occupational responsibilities necessitate extended periods of sedentary positioning.';
const PLAIN_BODY = 'Your back can feel stiff in the morning. That is common. Move a little each hour. Walk when you can. Stop if the pain gets sharp.';
const INJECTION = '<script>alert(1)</script>\n\n[x](javascript:alert(1))';
const V2_LINE = 'A short walk after lunch helps too.';

/** No script element and no javascript: link anywhere inside `scope`. */
async function expectInert(page: Page, scope: string) {
  await expect(page.locator(`${scope} script`)).toHaveCount(0);
  await expect(page.locator(`${scope} a[href^="javascript:" i], ${scope} [src^="javascript:" i]`)).toHaveCount(0);
  await expect(page.locator(`${scope} iframe, ${scope} img, ${scope} svg`)).toHaveCount(0);
}

test('a therapist writes a clinic article with live readability, saves a draft, publishes, assigns and edits it; no script survives; another clinic gets 404', async ({ browser }) => {
  const dialogs: string[] = [];
  const therapist = await browser.newPage();
  therapist.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(therapist, 'therapist');
  await expect(therapist).toHaveURL(/\/caseload$/);
  await therapist.goto('/library');
  await therapist.getByRole('link', { name: 'Write an article' }).click();
  await expect(therapist.getByRole('heading', { level: 1, name: 'Write an article' })).toBeVisible();

  const editor = therapist.getByRole('form', { name: 'Article editor' });
  const title = `Easing a stiff back ${Date.now().toString(36)}`;
  await editor.getByLabel('Title', { exact: true }).fill(title);
  await editor.getByLabel('Summary', { exact: true }).fill('Why your back feels stiff and what helps.');

  // Live readability: one long, formal sentence is well above grade 8; plain short sentences are not.
  const body = editor.getByLabel('Article text');
  await body.fill(HARD_BODY);
  await expect(editor.getByTestId('grade-warning')).toBeVisible();
  expect(Number(await editor.getByTestId('live-grade').textContent())).toBeGreaterThan(8);
  await body.fill(`${PLAIN_BODY}\n\n${INJECTION}`);
  await expect(editor.getByTestId('grade-warning')).toHaveCount(0);
  expect(Number(await editor.getByTestId('live-grade').textContent())).toBeLessThanOrEqual(8);
  await expect(editor.getByTestId('live-readability')).toContainText(/1 min · \d+ words/);

  await editor.getByLabel('Key points', { exact: true }).fill('Stiffness is common.\nMove a little each hour.');
  await editor.getByRole('button', { name: 'Add a check question' }).click();
  const question = editor.getByTestId('question-editor');
  await question.getByLabel('Question', { exact: true }).fill('What helps a stiff back?');
  await question.getByLabel('Question 1, choice 1').fill('Moving a little each hour');
  await question.getByLabel('Question 1, choice 2').fill('Lying still all day');
  await question.getByLabel('Choice 1 is the right answer').check();
  await question.getByLabel('Explanation shown after answering').fill('Gentle movement eases stiffness.');

  // The preview shows the patient's view of the sanitized text: no script, no javascript: link.
  await editor.getByRole('button', { name: 'Preview' }).click();
  const preview = editor.getByTestId('article-preview');
  await expect(preview).toContainText('Move a little each hour.');
  await expect(preview).toContainText('What helps a stiff back?');
  await expectInert(therapist, '[data-testid="article-preview"]');
  await editor.getByRole('button', { name: 'Write' }).click();

  // A bad value: the error sits next to the field and everything typed stays.
  await editor.getByLabel('Title', { exact: true }).fill('');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.getByRole('alert')).toContainText('check the fields');
  const titleField = editor.getByLabel('Title', { exact: true });
  await expect(titleField).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByText('Title must not be empty.')).toBeVisible();
  const errorId = (await titleField.getAttribute('aria-describedby'))?.split(' ').find((x) => x.endsWith('-error'));
  await expect(therapist.locator(`[id="${errorId}"]`)).toHaveText('Title must not be empty.');
  await expect(editor.getByLabel('Summary', { exact: true })).toHaveValue('Why your back feels stiff and what helps.');
  await expect(body).toHaveValue(`${PLAIN_BODY}\n\n${INJECTION}`);
  await expect(editor.getByLabel('Key points', { exact: true })).toHaveValue('Stiffness is common.\nMove a little each hour.');
  await expect(question.getByLabel('Question 1, choice 2')).toHaveValue('Lying still all day');
  await expect(question.getByLabel('Choice 1 is the right answer')).toBeChecked();

  // Fix it and save: a draft on the article page, not assignable yet.
  await titleField.fill(title);
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(therapist).toHaveURL(/\/library\/articles\/easing-a-stiff-back-[a-z0-9-]+$/);
  const articleUrl = new URL(therapist.url()).pathname;
  await expect(therapist.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(therapist.getByTestId('draft-note')).toBeVisible();
  await expect(therapist.getByTestId('readability')).toContainText('version 1');
  await expect(therapist.getByRole('form', { name: 'Assign reading' })).toHaveCount(0);
  await expect(therapist.locator('.preview-frame')).toContainText('Move a little each hour.');
  await expectInert(therapist, '.preview-frame');

  // Publish, then assign to Alex Morgan from the article page.
  await therapist.getByRole('button', { name: 'Publish' }).click();
  await expect(therapist.getByRole('button', { name: 'Unpublish' })).toBeVisible();
  await expect(therapist.getByTestId('draft-note')).toHaveCount(0);
  const assign = therapist.getByRole('form', { name: 'Assign reading' });
  await assign.getByLabel('Patient').selectOption({ label: 'Alex Morgan' });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(assign.getByRole('status')).toHaveText(/Assigned 1 article/);
  await expect(therapist.getByTestId('article-assignments').getByRole('row', { name: /Alex Morgan/ })).toBeVisible();

  // Edit: the saved (sanitized) text comes back; saving a change makes version 2.
  await therapist.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(therapist.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
  const editBody = therapist.getByRole('form', { name: 'Article editor' }).getByLabel('Article text');
  await expect(editBody).not.toHaveValue(/<script|javascript:/);
  await editBody.fill(`${PLAIN_BODY}\n\n${V2_LINE}`);
  await therapist.getByRole('button', { name: 'Save changes' }).click();
  await expect(therapist).toHaveURL(new RegExp(`${articleUrl}$`));
  await expect(therapist.getByTestId('readability')).toContainText('version 2');
  await expect(therapist.locator('.preview-frame')).toContainText(V2_LINE);

  // Alex reads the version he was given (1): sanitized, with no script and no javascript: link.
  const patient = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  patient.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(patient, 'patient');
  await expect(patient).toHaveURL(/\/today$/);
  await patient.goto('/read');
  await patient.getByRole('link', { name: title }).click();
  await expect(patient.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(patient.locator('.reader-body')).toContainText('Move a little each hour.');
  await expect(patient.locator('.reader-body')).not.toContainText(V2_LINE);
  await expectInert(patient, 'article');

  // The other clinic's therapist: 404 for the article and its editor.
  const outsider = await (await browser.newContext()).newPage();
  await signIn(outsider, 'otherClinicTherapist');
  await expect(outsider).toHaveURL(/\/caseload$/);
  expect((await outsider.goto(articleUrl))?.status()).toBe(404);
  expect((await outsider.goto(`${articleUrl}/edit`))?.status()).toBe(404);
  await outsider.goto('/library');
  await expect(outsider.getByTestId('library-articles')).not.toContainText(title);

  expect(dialogs).toEqual([]);
});

test('built-in articles have no editor: the edit URL is a 404 and the page shows no Edit or Publish controls', async ({ page }) => {
  await signIn(page, 'therapist');
  await expect(page).toHaveURL(/\/caseload$/);
  await page.goto('/library');
  // A row without a "Clinic"/"Draft" badge next to its title is a built-in article.
  await page.getByTestId('library-articles').locator('tbody th').filter({ hasNot: page.locator('.badge') }).first().getByRole('link').click();
  await expect(page.getByTestId('readability')).toContainText('built-in');
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Publish|Unpublish)$/ })).toHaveCount(0);
  expect((await page.goto(`${new URL(page.url()).pathname}/edit`))?.status()).toBe(404);
});

test('the editor has no axe (WCAG 2.2 AA) violations, with errors shown and in preview', async ({ page }) => {
  const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  await signIn(page, 'therapist');
  await expect(page).toHaveURL(/\/caseload$/);
  await page.goto('/library/articles/new');
  const editor = page.getByRole('form', { name: 'Article editor' });
  await editor.getByRole('button', { name: 'Add a check question' }).click();
  await editor.getByLabel('Article text').fill('Notwithstanding considerable methodological heterogeneity, contemporary investigations consistently demonstrate substantial improvements.');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.getByRole('alert')).toBeVisible();
  await expect(editor.getByTestId('grade-warning')).toBeVisible();
  expect((await axe()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await editor.getByRole('button', { name: 'Preview' }).click();
  await expect(editor.getByTestId('article-preview')).toBeVisible();
  expect((await axe()).violations.map((v) => v.id)).toEqual([]);
});
