import { recordReadingProgress } from '@/lib/dal/reading';
import { jsonMutation } from '@/lib/api-route';
import { readingProgressSchema } from '@/lib/validation/reading';

export const dynamic = 'force-dynamic';

/** POST { event: 'open' | 'read' | 'heartbeat', seconds } from the reader. */
export const POST = jsonMutation(readingProgressSchema, (viewer, input, { assignmentId }: { assignmentId: string }) => recordReadingProgress(viewer, assignmentId, input));
