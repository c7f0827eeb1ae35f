'use client';
import Link from 'next/link';
import { startTransition, useActionState, useDeferredValue, useId, useMemo, useState, type FormEvent } from 'react';
import { analyzeMarkdown } from '@/lib/content/readability';
import { formatGrade } from '@/lib/format';
import { Markdown } from '@/lib/ui/markdown';
import { sanitizeMarkdown, sanitizePlainText } from '@/lib/validation/sanitize-text';
import { saveClinicArticleAction, type ArticleFormValues, type QuestionValues, type SaveArticleState } from './article-actions';

/** The grade above which the editor warns (design: patient reading should stay at grade 8 or below). */
const GRADE_WARNING_ABOVE = 8;
const MAX_QUESTIONS = 4;
const CHOICE_SLOTS = 4;

type Props = { articleId?: string; initial: ArticleFormValues; cancelHref: string };
type QuestionDraft = QuestionValues & { key: number };

let nextKey = 0;
const withKey = (q: QuestionValues): QuestionDraft => ({ ...q, key: nextKey++ });
const blankQuestion = (): QuestionDraft => withKey({ prompt: '', choices: Array.from({ length: CHOICE_SLOTS }, () => ''), answer: '', explanation: '' });

/** Write or edit a clinic article: live readability, a patient's-eye preview, every error next to its field. */
export function ArticleEditor({ articleId, initial, cancelHref }: Props) {
  const id = useId();
  const [state, action, pending] = useActionState(saveClinicArticleAction, { values: initial } satisfies SaveArticleState);
  const [title, setTitle] = useState(state.values.title);
  const [summary, setSummary] = useState(state.values.summary);
  const [body, setBody] = useState(state.values.body);
  const [takeaways, setTakeaways] = useState(state.values.takeaways);
  const [questions, setQuestions] = useState<QuestionDraft[]>(() => state.values.questions.map(withKey));
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    if (state.error) setMode('write');
  }

  const deferredBody = useDeferredValue(body);
  const cleanBody = useMemo(() => sanitizeMarkdown(deferredBody), [deferredBody]);
  const stats = useMemo(() => analyzeMarkdown(cleanBody), [cleanBody]);
  const isHardToRead = stats.words > 0 && stats.grade > GRADE_WARNING_ABOVE;

  const errors = state.fieldErrors ?? {};
  const errorOf = (field: string): string | undefined => errors[field]?.[0] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1][0];
  const fieldId = (name: string) => `${id}-${name.replace(/\./g, '-')}`;
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  const updateQuestion = (index: number, change: Partial<QuestionValues>) => setQuestions((qs) => qs.map((q, i) => (i === index ? { ...q, ...change } : q)));

  const previewQuestions = questions.filter((q) => q.prompt.trim() !== '');
  const takeawayLines = takeaways
    .split('\n')
    .map((line) => sanitizePlainText(line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '')))
    .filter(Boolean);

  // React resets a form after its action runs, which would uncheck the controlled answer radios
  // (react/react #29034). Submitting from onSubmit keeps every field as typed; `action` stays for
  // the no-JavaScript path.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };

  return (
    <form action={action} onSubmit={submit} noValidate aria-label="Article editor" style={{ maxWidth: '48rem' }}>
      {articleId ? <input type="hidden" name="articleId" value={articleId} /> : null}
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div role="group" aria-label="Editor view" style={{ display: 'flex', gap: '0.5rem', marginBottom: '1rem' }}>
        <button type="button" className={mode === 'write' ? 'button' : 'button button-secondary'} aria-pressed={mode === 'write'} onClick={() => setMode('write')}>
          Write
        </button>
        <button type="button" className={mode === 'preview' ? 'button' : 'button button-secondary'} aria-pressed={mode === 'preview'} onClick={() => setMode('preview')}>
          Preview
        </button>
      </div>

      <div className="card" hidden={mode !== 'write'}>
        <TextField id={fieldId('title')} name="title" label="Title" value={title} onChange={setTitle} error={errorOf('title') && `Title ${errorOf('title')}.`} hint="Up to 200 characters." />
        <TextField
          id={fieldId('summary')}
          name="summary"
          label="Summary"
          value={summary}
          onChange={setSummary}
          error={errorOf('summary') && `Summary ${errorOf('summary')}.`}
          hint="One or two sentences shown under the title and in the library. Up to 220 characters."
          multiline
          rows={2}
        />
        <div className="field">
          <label htmlFor={fieldId('body')}>Article text</label>
          <p id={`${fieldId('body')}-hint`} className="hint" style={{ margin: 0 }}>
            Markdown: a blank line between paragraphs, <code>##</code> for a heading, <code>-</code> for a list, <code>**bold**</code>, <code>[words](https://…)</code> for a link. HTML and images are removed.
          </p>
          <textarea
            id={fieldId('body')}
            name="body"
            className="textarea"
            rows={14}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={errorOf('body') ? true : undefined}
            aria-describedby={describedBy(`${fieldId('body')}-hint`, `${fieldId('body')}-stats`, errorOf('body') && `${fieldId('body')}-error`)}
          />
          <p id={`${fieldId('body')}-stats`} className="small muted" style={{ margin: 0 }} data-testid="live-readability">
            {stats.words === 0 ? (
              'Start writing to see the reading grade, minutes and words.'
            ) : (
              <>
                Reading grade <strong data-testid="live-grade">{formatGrade(stats.grade)}</strong> (Flesch–Kincaid) · {stats.minutes} min · {stats.words} {stats.words === 1 ? 'word' : 'words'}
              </>
            )}
          </p>
          <div aria-live="polite">
            {isHardToRead ? (
              <p data-testid="grade-warning" style={{ background: 'var(--warning-soft)', color: 'var(--warning)', borderRadius: '10px', padding: '0.6rem 0.9rem', margin: '0.25rem 0 0', fontWeight: 500 }}>
                Above grade 8: many patients will find this hard to read. Try shorter sentences and everyday words. You can still save it.
              </p>
            ) : null}
          </div>
          {errorOf('body') ? (
            <p id={`${fieldId('body')}-error`} className="field-error">
              Article text {errorOf('body')}.
            </p>
          ) : null}
        </div>
        <TextField
          id={fieldId('takeaways')}
          name="takeaways"
          label="Key points"
          value={takeaways}
          onChange={setTakeaways}
          error={errorOf('takeaways') && `Key points: ${keyPointError(errors)}.`}
          hint="One per line, 1 to 5 points, each up to 300 characters."
          multiline
          rows={4}
        />

        <fieldset className="field" style={{ marginBottom: 0 }}>
          <legend style={{ padding: 0 }}>
            Check questions <span className="muted small">(optional, up to 4)</span>
          </legend>
          <p className="hint" style={{ margin: '0 0 0.5rem' }}>
            Patients answer these after reading and then see your explanation. Give 2 to 4 choices and mark the right one.
          </p>
          {questions.map((q, i) => {
            const base = `questions.${i}`;
            const choicesError = errorOf(`${base}.choices`);
            const answerError = errorOf(`${base}.answer`);
            return (
              <div key={q.key} className="card" style={{ marginBottom: '0.75rem', boxShadow: 'none', background: 'var(--surface-muted)' }} data-testid="question-editor">
                <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: '0.5rem' }}>
                  <h3 style={{ margin: 0 }}>Question {i + 1}</h3>
                  <button type="button" className="button button-quiet" onClick={() => setQuestions((qs) => qs.filter((_, k) => k !== i))}>
                    Remove question {i + 1}
                  </button>
                </div>
                <TextField id={fieldId(`${base}.prompt`)} name={`${base}.prompt`} label="Question" value={q.prompt} onChange={(v) => updateQuestion(i, { prompt: v })} error={errorOf(`${base}.prompt`) && `Question ${errorOf(`${base}.prompt`)}.`} />
                <fieldset className="field" aria-describedby={describedBy(choicesError && `${fieldId(base)}-choices-error`, answerError && `${fieldId(base)}-answer-error`)}>
                  <legend>Choices (select the right one)</legend>
                  {q.choices.map((choice, slot) => (
                    <div key={slot} style={{ display: 'flex', gap: '0.6rem', alignItems: 'center', marginBottom: '0.4rem' }}>
                      <input
                        type="radio"
                        name={`${base}.answer`}
                        value={String(slot)}
                        checked={q.answer === String(slot)}
                        onChange={() => updateQuestion(i, { answer: String(slot) })}
                        aria-label={`Choice ${slot + 1} is the right answer`}
                        style={{ width: '1.2rem', height: '1.2rem', flex: 'none' }}
                      />
                      <input
                        name={`${base}.choices`}
                        className="input"
                        value={choice}
                        onChange={(e) => updateQuestion(i, { choices: q.choices.map((c, k) => (k === slot ? e.target.value : c)) })}
                        aria-label={`Question ${i + 1}, choice ${slot + 1}`}
                        placeholder={slot < 2 ? `Choice ${slot + 1}` : `Choice ${slot + 1} (optional)`}
                        aria-invalid={choicesError ? true : undefined}
                      />
                    </div>
                  ))}
                  {choicesError ? (
                    <p id={`${fieldId(base)}-choices-error`} className="field-error">
                      Choices: {choicesError}.
                    </p>
                  ) : null}
                  {answerError ? (
                    <p id={`${fieldId(base)}-answer-error`} className="field-error">
                      Select the right answer next to one of the filled-in choices.
                    </p>
                  ) : null}
                </fieldset>
                <TextField
                  id={fieldId(`${base}.explanation`)}
                  name={`${base}.explanation`}
                  label="Explanation shown after answering"
                  value={q.explanation}
                  onChange={(v) => updateQuestion(i, { explanation: v })}
                  error={errorOf(`${base}.explanation`) && `Explanation ${errorOf(`${base}.explanation`)}.`}
                  multiline
                  rows={2}
                />
              </div>
            );
          })}
          {questions.length < MAX_QUESTIONS ? (
            <button type="button" className="button button-secondary" style={{ alignSelf: 'flex-start' }} onClick={() => setQuestions((qs) => [...qs, blankQuestion()])}>
              Add a check question
            </button>
          ) : null}
          {errors.questions ? <p className="field-error">Check questions: {errors.questions[0]}.</p> : null}
        </fieldset>
      </div>

      {mode === 'preview' ? (
        <section className="preview-frame" aria-labelledby={`${id}-preview-heading`} data-testid="article-preview">
          <h2 id={`${id}-preview-heading`} className="small muted" style={{ textTransform: 'uppercase', letterSpacing: '0.05em' }}>
            What the patient sees
          </h2>
          <div className="reader">
            <p style={{ fontSize: '1.9rem', lineHeight: 1.2, fontWeight: 700, margin: '0 0 0.5rem' }}>{sanitizePlainText(title) || 'Untitled article'}</p>
            <p className="reader-summary">{sanitizePlainText(summary)}</p>
            <p className="muted small">{stats.minutes} min read</p>
            <Markdown source={cleanBody} className="reader-body" />
            {takeawayLines.length > 0 ? (
              <div className="card takeaways">
                <h3>Key points</h3>
                <ul>
                  {takeawayLines.map((t, i) => (
                    <li key={i}>{t}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {previewQuestions.length > 0 ? (
              <div className="card" style={{ marginTop: '1rem' }}>
                <h3>Check your understanding</h3>
                <ol>
                  {previewQuestions.map((q) => (
                    <li key={q.key} style={{ marginBottom: '0.75rem' }}>
                      {sanitizePlainText(q.prompt)}
                      <ul>
                        {q.choices
                          .filter((c) => c.trim() !== '')
                          .map((c, k) => (
                            <li key={k}>{sanitizePlainText(c)}</li>
                          ))}
                      </ul>
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}

      <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap', marginTop: '1rem' }}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : articleId ? 'Save changes' : 'Save draft'}
        </button>
        <Link href={cancelHref} className="button button-secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** "Key point 2 must be 300 characters or fewer" for a line's error, else the list's own error. */
function keyPointError(errors: Record<string, string[]>): string {
  const line = Object.entries(errors).find(([k]) => /^takeaways\.\d+$/.test(k));
  if (line) return `key point ${Number(line[0].split('.')[1]) + 1} ${line[1][0]}`;
  return errors.takeaways?.[0] ?? 'please check them';
}

type TextFieldProps = {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | false;
  hint?: string;
  multiline?: boolean;
  rows?: number;
};

function TextField({ id, name, label, value, onChange, error, hint, multiline, rows }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name, value, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint" style={{ margin: 0 }}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} className="textarea" rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} className="input" onChange={(e) => onChange(e.target.value)} />
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
