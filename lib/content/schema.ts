import { z } from 'zod';
import { EQUIPMENT, EXERCISE_KINDS, SIDES } from '@/db/schema/enums';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,100}$/, 'must be lowercase letters, digits and hyphens');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be ${max} characters or fewer`);

export const TISSUE_TAGS = ['muscle', 'tendon', 'ligament', 'fascia', 'joint', 'nerve', 'disc', 'hip', 'spine', 'general'] as const;

export const articleQuestionSchema = z
  .object({
    prompt: text(300),
    choices: z.array(text(200)).min(2, 'needs at least 2 choices').max(4, 'has more than 4 choices'),
    answer: z.number().int().min(0, 'must be a 0-based choice index'),
    explanation: text(500),
  })
  .strict()
  .refine((q) => q.answer < q.choices.length, { message: 'answer must be the index of one of the choices', path: ['answer'] });

export const articleFrontMatterSchema = z
  .object({
    slug,
    title: text(200),
    summary: text(220),
    tissues: z.array(z.enum(TISSUE_TAGS)).min(1),
    takeaways: z.array(text(300)).min(3, 'needs at least 3 takeaways').max(5, 'has more than 5 takeaways'),
    questions: z.array(articleQuestionSchema).min(2, 'needs at least 2 check questions').max(4, 'has more than 4 check questions'),
  })
  .strict();

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

export const dosageSchema = z
  .object({
    sets: z.number().int().min(1).max(20),
    reps: z.number().int().min(1).max(50),
    holdSeconds: z.number().int().min(0).max(300),
    restSeconds: z.number().int().min(0).max(300),
    side: z.enum(SIDES),
  })
  .strict();

export const exerciseFrontMatterSchema = z
  .object({
    slug,
    name: text(120),
    kind: z.enum(EXERCISE_KINDS),
    targets: z.array(text(60)).min(1),
    equipment: z.array(z.enum(EQUIPMENT)).min(1),
    steps: z.array(text(400)).min(3).max(7),
    feel: text(400),
    cautions: z.array(text(300)).min(1).max(4),
    stopIf: z.array(text(300)).min(1).max(3),
    dosage: dosageSchema,
    illustration: z.string().regex(/^[a-z0-9-]+\.svg$/, 'must be a .svg file name in public/illustrations'),
    illustrationAlt: text(300),
  })
  .strict();

export type ExerciseFrontMatter = z.infer<typeof exerciseFrontMatterSchema>;

export const templateSchema = z
  .object({
    slug,
    name: text(120),
    purpose: text(300),
    items: z
      .array(
        z
          .object({
            exercise: slug,
            sets: z.number().int().min(1).max(20),
            reps: z.number().int().min(1).max(50),
            holdSeconds: z.number().int().min(0).max(300),
            side: z.enum(SIDES),
            sessionsPerDay: z.number().int().min(1).max(6),
            daysOfWeek: z.array(z.number().int().min(1).max(7)).min(1).max(7),
          })
          .strict(),
      )
      .min(1)
      .max(12),
  })
  .strict();

export type TemplateFile = z.infer<typeof templateSchema>;
