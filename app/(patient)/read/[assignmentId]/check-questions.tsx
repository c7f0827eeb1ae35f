'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReadingState } from '@/db/schema/enums';
import type { AnswerResult, ReaderQuestion } from '@/lib/dal/reading';

type Props = { assignmentId: string; questions: ReaderQuestion[]; initialState: ReadingState; lastAnswers: AnswerResult[] };
type Response = { state: ReadingState; results: AnswerResult[] };

async function postAnswers(assignmentId: string, answers: { questionId: string; choice: number }[]): Promise<Response> {
  let res: globalThis.Response;
  try {
    res = await fetch(`/api/reading/${assignmentId}/answers`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers }) });
  } catch {
    throw new Error('No connection right now. Your answers are still selected: try again in a moment.');
  }
  if (res.status === 401) throw new Error('You were signed out. Please sign in again.');
  if (!res.ok) throw new Error('Could not check your answers. Please try again.');
  return (await res.json()) as Response;
}

/** The article's check questions: pick one answer each, see which were right and why, retry. */
export function CheckQuestions({ assignmentId, questions, initialState, lastAnswers }: Props) {
  const [choices, setChoices] = useState<Record<string, number>>(() => Object.fromEntries(lastAnswers.map((a) => [a.questionId, a.choice])));
  const [results, setResults] = useState<Record<string, AnswerResult>>(() => Object.fromEntries(lastAnswers.map((a) => [a.questionId, a])));
  const [state, setState] = useState(initialState);
  const [missing, setMissing] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: (answers: { questionId: string; choice: number }[]) => postAnswers(assignmentId, answers),
    onSuccess: (data) => {
      setState(data.state);
      setResults((prev) => ({ ...prev, ...Object.fromEntries(data.results.map((r) => [r.questionId, r])) }));
    },
  });

  if (questions.length === 0) return null;
  const understood = state === 'understood';

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const unanswered = questions.filter((q) => choices[q.id] === undefined).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length) return;
    mutation.mutate(questions.map((q) => ({ questionId: q.id, choice: choices[q.id] as number })));
  }

  return (
    <section className="card check-questions" aria-labelledby="check-heading">
      <h2 id="check-heading">Check your understanding</h2>
      <p className="muted">A few quick questions. There is no score; you can try again as often as you like.</p>
      <div aria-live="polite">
        {understood ? (
          <p className="form-success" data-testid="understood">
            All right. You have read and understood this article. Well done.
          </p>
        ) : null}
        {mutation.error ? (
          <p className="form-error" role="alert">
            {mutation.error.message}
          </p>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate>
        {questions.map((q, index) => {
          const result = results[q.id];
          const isMissing = missing.includes(q.id);
          return (
            <fieldset key={q.id} className="field question" aria-describedby={isMissing ? `${q.id}-missing` : result ? `${q.id}-result` : undefined}>
              <legend>
                {index + 1}. {q.prompt}
              </legend>
              <div className="choices">
                {q.choices.map((choice, i) => (
                  <label key={i} className={result && result.choice === i ? (result.isCorrect ? 'choice choice-right' : 'choice choice-wrong') : 'choice'}>
                    <input
                      type="radio"
                      name={`q-${q.id}`}
                      value={i}
                      checked={choices[q.id] === i}
                      onChange={() => {
                        setChoices((prev) => ({ ...prev, [q.id]: i }));
                        setMissing((prev) => prev.filter((m) => m !== q.id));
                      }}
                    />
                    <span>{choice}</span>
                  </label>
                ))}
              </div>
              {isMissing ? (
                <p id={`${q.id}-missing`} className="field-error">
                  Choose an answer for this question.
                </p>
              ) : null}
              {result ? (
                <p id={`${q.id}-result`} className={result.isCorrect ? 'answer-note answer-right' : 'answer-note answer-wrong'}>
                  <strong>{result.isCorrect ? 'Right.' : 'Not quite.'}</strong> {result.explanation}
                </p>
              ) : null}
            </fieldset>
          );
        })}
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
        <button type="submit" className="button" aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? 'Checking…' : Object.keys(results).length ? 'Check again' : 'Check my answers'}
        </button>
      </form>
    </section>
  );
}
