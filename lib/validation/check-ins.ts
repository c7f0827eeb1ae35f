import { z } from 'zod';
import { RED_FLAGS } from '@/db/schema/enums';
import { painScore } from './fields';

export const BODY_AREAS = ['low_back', 'mid_back', 'upper_back', 'neck', 'hip_buttock', 'leg'] as const;
export type BodyArea = (typeof BODY_AREAS)[number];

export const recordCheckInSchema = z
  .object({
    pain: painScore,
    bodyArea: z.enum(BODY_AREAS, { error: 'must be one of the listed body areas' }).nullable().optional(),
    note: z.string({ error: 'must be text' }).trim().max(1000, 'must be 1,000 characters or fewer').nullable().optional(),
    redFlags: z.array(z.enum(RED_FLAGS, { error: 'is not a known warning sign' }), { error: 'must be a list' }).max(RED_FLAGS.length, 'has too many entries').default([]),
  })
  .strict();

export type RecordCheckInInput = z.input<typeof recordCheckInSchema>;
export type RecordCheckInParsed = z.output<typeof recordCheckInSchema>;
