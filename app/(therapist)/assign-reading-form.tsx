'use client';
import { useActionState, useId } from 'react';
import { assignArticlesAction, type AssignState } from './actions';

type Option = { id: string; label: string; hint?: string };

type Props =
  | { mode: 'patient'; patientId: string; articles: Option[]; defaultDue: string }
  | { mode: 'article'; articleId: string; patients: Option[]; defaultDue: string };

/** Assign articles to a patient (from the patient page) or one article to a patient (from the library). */
export function AssignReadingForm(props: Props) {
  const id = useId();
  const initial: AssignState = { values: { patientId: props.mode === 'patient' ? props.patientId : '', articleIds: props.mode === 'article' ? [props.articleId] : [], dueDate: props.defaultDue } };
  const [state, action, pending] = useActionState(assignArticlesAction, initial);
  const errors = state.fieldErrors ?? {};
  const errorFor = (field: string) => errors[field]?.[0] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1][0];
  return (
    <form action={action} onSubmit={(event) => pending && event.preventDefault()} noValidate aria-label="Assign reading">
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.ok ? (
        <p className="form-success" role="status">
          {state.ok}
        </p>
      ) : null}
      {props.mode === 'patient' ? (
        <>
          <input type="hidden" name="patientId" value={props.patientId} />
          <fieldset className="field" aria-describedby={errorFor('articleIds') ? `${id}-articles-error` : undefined}>
            <legend>Articles</legend>
            {props.articles.length === 0 ? <p className="muted">Every article is already assigned.</p> : null}
            {props.articles.map((a) => (
              <label key={a.id} className="choice">
                <input type="checkbox" name="articleIds" value={a.id} defaultChecked={state.values.articleIds.includes(a.id)} />
                <span>
                  {a.label} {a.hint ? <span className="muted small">· {a.hint}</span> : null}
                </span>
              </label>
            ))}
            {errorFor('articleIds') ? (
              <p id={`${id}-articles-error`} className="field-error">
                Articles: {errorFor('articleIds')}.
              </p>
            ) : null}
          </fieldset>
        </>
      ) : (
        <>
          <input type="hidden" name="articleIds" value={props.articleId} />
          <div className="field">
            <label htmlFor={`${id}-patient`}>Patient</label>
            <select id={`${id}-patient`} name="patientId" className="select" defaultValue={state.values.patientId} aria-invalid={errorFor('patientId') ? true : undefined} aria-describedby={errorFor('patientId') ? `${id}-patient-error` : undefined}>
              <option value="">Choose a patient…</option>
              {props.patients.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            {errorFor('patientId') ? (
              <p id={`${id}-patient-error`} className="field-error">
                Choose a patient.
              </p>
            ) : null}
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-due`}>Due date <span className="muted small">(optional)</span></label>
        <input id={`${id}-due`} name="dueDate" type="date" className="input" style={{ maxWidth: '12rem' }} defaultValue={state.values.dueDate} aria-invalid={errorFor('dueDate') ? true : undefined} aria-describedby={errorFor('dueDate') ? `${id}-due-error` : undefined} />
        {errorFor('dueDate') ? (
          <p id={`${id}-due-error`} className="field-error">
            Due date {errorFor('dueDate')}.
          </p>
        ) : null}
      </div>
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
      <button type="submit" className="button" aria-disabled={pending || undefined}>
        {pending ? 'Assigning…' : 'Assign'}
      </button>
    </form>
  );
}
