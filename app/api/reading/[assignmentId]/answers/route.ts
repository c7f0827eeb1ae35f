import { getViewer } from '@/lib/auth/viewer';
import { answerQuestions } from '@/lib/dal/reading';
import { AppError, notFoundError } from '@/lib/errors';
import { assertSameOrigin, handler, json, parseInput, readJson } from '@/lib/http';
import { answerQuestionsSchema } from '@/lib/validation/reading';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ assignmentId: string }> };

/** POST { answers: [{ questionId, choice }] } → each answer's result and explanation. */
export const POST = handler(async (request: Request, { params }: Context) => {
  assertSameOrigin(request);
  const viewer = await getViewer();
  if (!viewer) throw new AppError('unauthenticated', 'Please sign in again.');
  const input = parseInput(answerQuestionsSchema, await readJson(request));
  const result = await answerQuestions(viewer, (await params).assignmentId, input);
  if (!result) throw notFoundError();
  return json(result);
});
