import { getViewer } from '@/lib/auth/viewer';
import { recordReadingProgress } from '@/lib/dal/reading';
import { AppError, notFoundError } from '@/lib/errors';
import { assertSameOrigin, handler, json, parseInput, readJson } from '@/lib/http';
import { readingProgressSchema } from '@/lib/validation/reading';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ assignmentId: string }> };

/** POST { event: 'open' | 'read' | 'heartbeat', seconds } from the reader. */
export const POST = handler(async (request: Request, { params }: Context) => {
  assertSameOrigin(request);
  const viewer = await getViewer();
  if (!viewer) throw new AppError('unauthenticated', 'Please sign in again.');
  const input = parseInput(readingProgressSchema, await readJson(request));
  const result = await recordReadingProgress(viewer, (await params).assignmentId, input);
  if (!result) throw notFoundError();
  return json(result);
});
