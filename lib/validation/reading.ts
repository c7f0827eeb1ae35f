import { z } from 'zod';
import { isLocalDate } from '@/lib/dates';
import { uuidField } from './fields';

export const readingProgressSchema = z
  .object({
    event: z.enum(['open', 'read', 'heartbeat'], { error: 'must be open, read or heartbeat' }),
    /** Seconds of visible reading time since the last report; capped so a stuck tab cannot inflate it. */
    seconds: z.number({ error: 'must be a number of seconds' }).int('must be whole seconds').min(0, 'must be 0 or more').max(120, 'must be 120 or less'),
  })
  .strict();
export type ReadingProgressInput = z.infer<typeof readingProgressSchema>;

export const answerQuestionsSchema = z
  .object({
    answers: z
      .array(z.object({ questionId: uuidField, choice: z.number({ error: 'must be a choice number' }).int('must be a whole number').min(0, 'must be 0 or more').max(5, 'must be 5 or less') }).strict(), {
        error: 'must be a list of answers',
      })
      .min(1, 'needs at least one answer')
      .max(10, 'has too many answers')
      // One answer per question per request: the latest answer is what counts, so two in one request would be ambiguous.
      .refine((answers) => new Set(answers.map((a) => a.questionId)).size === answers.length, 'must answer each question at most once'),
  })
  .strict();
export type AnswerQuestionsInput = z.infer<typeof answerQuestionsSchema>;

const dueDate = z
  .string({ error: 'must be a date' })
  .refine(isLocalDate, 'must be a date like 2026-12-01')
  .nullable()
  .optional();

export const assignArticlesSchema = z
  .object({
    patientId: uuidField,
    articleIds: z.array(uuidField, { error: 'must be a list of articles' }).min(1, 'choose at least one article').max(20, 'choose 20 articles or fewer'),
    dueDate,
  })
  .strict();
export type AssignArticlesInput = z.infer<typeof assignArticlesSchema>;
