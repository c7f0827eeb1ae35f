import { answerQuestions } from '@/lib/dal/reading';
import { jsonMutation } from '@/lib/api-route';
import { answerQuestionsSchema } from '@/lib/validation/reading';

export const dynamic = 'force-dynamic';

/** POST { answers: [{ questionId, choice }] } → each answer's result and explanation. */
export const POST = jsonMutation(answerQuestionsSchema, (viewer, input, { assignmentId }: { assignmentId: string }) => answerQuestions(viewer, assignmentId, input));
