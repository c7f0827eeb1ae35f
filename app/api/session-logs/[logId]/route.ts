import { getViewer } from '@/lib/auth/viewer';
import { undoSessionLog } from '@/lib/dal/session-logs';
import { AppError, notFoundError } from '@/lib/errors';
import { assertSameOrigin, handler, json } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ logId: string }> };

/** DELETE undoes a session logged by mistake today (409 for an earlier day). */
export const DELETE = handler(async (request: Request, { params }: Context) => {
  assertSameOrigin(request);
  const viewer = await getViewer();
  if (!viewer) throw new AppError('unauthenticated', 'Please sign in again.');
  const result = await undoSessionLog(viewer, (await params).logId);
  if (!result) throw notFoundError();
  return json(result);
});
