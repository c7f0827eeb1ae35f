import { getViewer } from '@/lib/auth/viewer';
import { getSessionTimes } from '@/lib/dal/account';
import { AppError } from '@/lib/errors';
import { handler, json } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * When this session ends: `idleExpiresAt` (30 minutes after the last activity the server saw) and
 * `absoluteExpiresAt` (12 hours after sign-in). Resolving the session counts as activity, so the
 * idle warning's "Stay signed in" is this request. 401 when signed out.
 */
export const GET = handler(async () => {
  const viewer = await getViewer();
  const times = viewer ? await getSessionTimes(viewer) : null;
  if (!times) throw new AppError('unauthenticated', 'Please sign in again.');
  return json(times);
});
