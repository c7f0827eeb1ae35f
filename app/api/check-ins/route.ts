import { getViewer } from '@/lib/auth/viewer';
import { recordCheckIn } from '@/lib/dal/check-ins';
import { AppError, notFoundError } from '@/lib/errors';
import { assertSameOrigin, handler, json, parseInput, readJson } from '@/lib/http';
import { recordCheckInSchema } from '@/lib/validation/check-ins';

export const dynamic = 'force-dynamic';

/** PUT today's pain check-in (one per local day; a later one replaces it). `urgent` is true when a red flag was answered. */
export const PUT = handler(async (request: Request) => {
  assertSameOrigin(request);
  const viewer = await getViewer();
  if (!viewer) throw new AppError('unauthenticated', 'Please sign in again.');
  const input = parseInput(recordCheckInSchema, await readJson(request));
  const result = await recordCheckIn(viewer, input);
  if (!result) throw notFoundError();
  return json(result);
});
