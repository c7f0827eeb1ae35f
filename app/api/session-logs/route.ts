import { getViewer } from '@/lib/auth/viewer';
import { listTodaysLogs, recordSessionLog } from '@/lib/dal/session-logs';
import { AppError, notFoundError } from '@/lib/errors';
import { assertSameOrigin, handler, json, parseInput, readJson } from '@/lib/http';
import { recordSessionLogSchema } from '@/lib/validation/session-logs';

export const dynamic = 'force-dynamic';

/** POST a session the patient did. 201 when recorded, 200 with the original when it is a retry. */
export const POST = handler(async (request: Request) => {
  assertSameOrigin(request);
  const viewer = await getViewer();
  if (!viewer) throw new AppError('unauthenticated', 'Please sign in again.');
  const input = parseInput(recordSessionLogSchema, await readJson(request));
  const result = await recordSessionLog(viewer, input);
  if (!result) throw notFoundError();
  return json({ log: result.log, created: result.created }, result.created ? 201 : 200);
});

/** GET the patient's own logs for their local today. */
export const GET = handler(async () => {
  const viewer = await getViewer();
  if (!viewer) throw new AppError('unauthenticated', 'Please sign in again.');
  const logs = await listTodaysLogs(viewer);
  if (!logs) throw notFoundError();
  return json({ logs });
});
