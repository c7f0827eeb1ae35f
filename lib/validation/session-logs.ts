import { z } from 'zod';
import { DIFFICULTIES } from '@/db/schema/enums';
import { painScore, uuidField } from './fields';

export const recordSessionLogSchema = z
  .object({
    clientId: uuidField,
    planItemId: uuidField,
    setsDone: z.number({ error: 'must be a whole number from 1 to 20' }).int('must be a whole number from 1 to 20').min(1, 'must be at least 1').max(20, 'must be 20 or less'),
    painBefore: painScore.nullable().optional(),
    painAfter: painScore.nullable().optional(),
    difficulty: z.enum(DIFFICULTIES, { error: 'must be too_easy, about_right or too_hard' }).nullable().optional(),
    note: z.string({ error: 'must be text' }).trim().max(1000, 'must be 1,000 characters or fewer').nullable().optional(),
    /**
     * When the session was done (set by the app when the patient logs it, so a log sent later
     * from the offline queue keeps its day). A phone clock a little ahead is clamped to now.
     */
    performedAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO date-time' })
      .refine((v) => Date.parse(v) <= Date.now() + 12 * 3_600_000, 'must not be in the future')
      .refine((v) => Date.parse(v) >= Date.now() - 7 * 86_400_000, 'must be within the last 7 days')
      .nullable()
      .optional(),
  })
  .strict();

export type RecordSessionLogInput = z.infer<typeof recordSessionLogSchema>;
