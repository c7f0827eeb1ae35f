import 'server-only';
import type { z } from 'zod';
import type { Viewer } from './auth/types';
import { getViewer } from './auth/viewer';
import { AppError, notFoundError } from './errors';
import { assertSameOrigin, handler, json, parseInput, readJson } from './http';

/**
 * A JSON mutation: same-origin check, signed-in viewer, body parsed with the zod schema (422
 * naming every bad field), then the DAL call; a null result (not found or not yours) is 404.
 */
export function jsonMutation<I, R, P = Record<string, never>>(
  schema: z.ZodType<I>,
  run: (viewer: Viewer, input: I, params: P) => Promise<R | null>,
  statusOf: (result: R) => number = () => 200,
) {
  return handler(async (request: Request, context: { params: Promise<P> }) => {
    assertSameOrigin(request);
    const viewer = await getViewer();
    if (!viewer) throw new AppError('unauthenticated', 'Please sign in again.');
    const input = parseInput(schema, await readJson(request));
    const result = await run(viewer, input, await (context?.params ?? Promise.resolve({} as P)));
    if (result === null) throw notFoundError();
    return json(result, statusOf(result));
  });
}
