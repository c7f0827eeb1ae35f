'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { createClinicArticle, setClinicArticlePublished, updateClinicArticle } from '@/lib/dal/clinic-articles';
import { saveClinicArticleSchema, takeawaysFromText } from '@/lib/validation/articles';
import { fieldErrors } from '@/lib/validation/fields';
import { asFormData } from '@/lib/validation/form-data';

/** A check question as the form holds it: four choice slots (blank = unused), the right slot's index. */
export type QuestionValues = { prompt: string; choices: string[]; answer: string; explanation: string };

/** What the editor sends and gets back unchanged on error, so nothing typed is lost. */
export type ArticleFormValues = { title: string; summary: string; body: string; takeaways: string; questions: QuestionValues[] };

export type SaveArticleState = { error?: string; fieldErrors?: Record<string, string[]>; values: ArticleFormValues };

const MAX_QUESTIONS = 4;
const CHOICE_SLOTS = 4;

function valuesFrom(formData: FormData): ArticleFormValues {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === 'string' ? v : '';
  };
  const questions: QuestionValues[] = [];
  for (let i = 0; i < MAX_QUESTIONS && formData.has(`questions.${i}.prompt`); i++) {
    const choices = formData.getAll(`questions.${i}.choices`).map((c) => (typeof c === 'string' ? c : ''));
    questions.push({
      prompt: text(`questions.${i}.prompt`),
      choices: Array.from({ length: CHOICE_SLOTS }, (_, slot) => choices[slot] ?? ''),
      answer: text(`questions.${i}.answer`),
      explanation: text(`questions.${i}.explanation`),
    });
  }
  return { title: text('title'), summary: text('summary'), body: text('body'), takeaways: text('takeaways'), questions };
}

/** Blank choice slots are dropped; the answer is re-indexed among the kept ones (-1 if it pointed at a blank). */
function inputFrom(values: ArticleFormValues) {
  return {
    title: values.title,
    summary: values.summary,
    body: values.body,
    takeaways: takeawaysFromText(values.takeaways),
    questions: values.questions.map((q) => {
      const kept = q.choices.map((choice, slot) => ({ choice, slot })).filter((c) => c.choice.trim() !== '');
      return { prompt: q.prompt, choices: kept.map((c) => c.choice), answer: kept.findIndex((c) => String(c.slot) === q.answer), explanation: q.explanation };
    }),
  };
}

/** Creates (no articleId) or edits a clinic article, then opens its page. Bad input → every field error, values kept. */
export async function saveClinicArticleAction(_prev: SaveArticleState, formData: FormData): Promise<SaveArticleState> {
  formData = asFormData(formData);
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const articleId = formData.get('articleId');
  const values = valuesFrom(formData);
  const parsed = saveClinicArticleSchema.safeParse(inputFrom(values));
  if (!parsed.success) return { values, fieldErrors: fieldErrors(parsed.error), error: 'Please check the fields marked below.' };
  const saved = typeof articleId === 'string' && articleId !== '' ? await updateClinicArticle(viewer, articleId, parsed.data) : await createClinicArticle(viewer, parsed.data);
  if (!saved) return { values, error: 'That article was not found, or it is not one your clinic can edit.' };
  revalidatePath('/library', 'layout');
  redirect(`/library/articles/${saved.slug}`);
}

export async function setArticlePublishedAction(formData: FormData): Promise<void> {
  formData = asFormData(formData);
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const articleId = formData.get('articleId');
  const result = await setClinicArticlePublished(viewer, typeof articleId === 'string' ? articleId : '', formData.get('published') === 'true');
  if (result) revalidatePath('/library', 'layout');
}
