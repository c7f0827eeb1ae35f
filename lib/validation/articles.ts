import { z } from 'zod';
import { articleFrontMatterSchema, articleQuestionSchema } from '@/lib/content/schema';
import { sanitizeMarkdown, sanitizePlainText } from './sanitize-text';

export { sanitizeMarkdown, sanitizePlainText };

// Clinic-written articles. The limits come from the built-in article schema (lib/content/schema.ts),
// except that a clinic article needs only 1 takeaway and may have no check questions.
export const CLINIC_ARTICLE_LIMITS = {
  title: 200,
  summary: 220,
  body: 20_000,
  takeaway: 300,
  takeawaysMin: 1,
  takeawaysMax: 5,
  questionsMax: 4,
  choicesMin: 2,
  choicesMax: 4,
} as const;

// Text far over its limit is rejected by the length check as it is, without sanitizing: the tag
// stripper is quadratic on adversarial input, so it only ever sees strings of bounded length.
const SANITIZE_SLACK = 1_000;
const sanitizeBounded = (clean: (v: string) => string, max: number) => (value: string) => (value.length <= max + SANITIZE_SLACK ? clean(value) : value);

const plain = (schema: z.ZodType<string, string>, max: number) => z.string({ error: 'must be text' }).transform(sanitizeBounded(sanitizePlainText, max)).pipe(schema);

const questionInput = z.preprocess((raw) => {
  if (typeof raw !== 'object' || raw === null) return raw;
  const q = raw as Record<string, unknown>;
  const clean = (v: unknown) => (typeof v === 'string' ? sanitizeBounded(sanitizePlainText, 500)(v) : v);
  return { ...q, prompt: clean(q.prompt), explanation: clean(q.explanation), choices: Array.isArray(q.choices) ? q.choices.map(clean) : q.choices };
}, articleQuestionSchema);

export const saveClinicArticleSchema = z
  .object({
    title: plain(articleFrontMatterSchema.shape.title, CLINIC_ARTICLE_LIMITS.title),
    summary: plain(articleFrontMatterSchema.shape.summary, CLINIC_ARTICLE_LIMITS.summary),
    body: z
      .string({ error: 'must be text' })
      .transform(sanitizeBounded(sanitizeMarkdown, CLINIC_ARTICLE_LIMITS.body))
      .pipe(z.string().min(1, 'must not be empty').max(CLINIC_ARTICLE_LIMITS.body, `must be ${CLINIC_ARTICLE_LIMITS.body.toLocaleString('en')} characters or fewer`)),
    takeaways: z
      .array(plain(articleFrontMatterSchema.shape.takeaways.element, CLINIC_ARTICLE_LIMITS.takeaway), { error: 'must be a list of key points' })
      .min(CLINIC_ARTICLE_LIMITS.takeawaysMin, 'needs at least 1 key point')
      .max(CLINIC_ARTICLE_LIMITS.takeawaysMax, `has more than ${CLINIC_ARTICLE_LIMITS.takeawaysMax} key points`),
    questions: z.array(questionInput, { error: 'must be a list of questions' }).max(CLINIC_ARTICLE_LIMITS.questionsMax, `has more than ${CLINIC_ARTICLE_LIMITS.questionsMax} questions`),
  })
  .strict();

export type SaveClinicArticleInput = z.infer<typeof saveClinicArticleSchema>;

/** The form sends key points in one textarea, one per line; blank lines are ignored. */
export function takeawaysFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}
