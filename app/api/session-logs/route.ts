import { getViewer } from '@/lib/auth/viewer';
import { listTodaysLogs, recordSessionLog } from '@/lib/dal/session-logs';
import { AppError, notFoundError } from '@/lib/errors';
import { jsonMutation } from '@/lib/api-route';
import { handler, json } from '@/lib/http';
import { recordSessionLogSchema } from '@/lib/validation/session-logs';

export const dynamic = 'force-dynamic';

/** POST a session the patient did. 201 when recorded, 200 with the original when it is a retry. */
export const POST = jsonMutation(recordSessionLogSchema, (viewer, input) => recordSessionLog(viewer, input), (result) => (result.created ? 201 : 200));

/** GET the patient's own logs for their local today. */
export const GET = handler(async () => {
  const viewer = await getViewer();
  if (!viewer) throw new AppError('unauthenticated', 'Please sign in again.');
  const logs = await listTodaysLogs(viewer);
  if (!logs) throw notFoundError();
  return json({ logs });
});
