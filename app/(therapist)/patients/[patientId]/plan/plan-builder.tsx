'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { SIDES, type Side } from '@/db/schema/enums';
import type { LibraryExercise } from '@/lib/dal/library';
import type { PlanDto } from '@/lib/dal/plans';
import type { TemplateDto } from '@/lib/dal/plans-edit';
import { WEEKDAY_SHORT } from '@/lib/dates';
import { KIND_LABELS } from '@/lib/format';
import { fieldErrors } from '@/lib/validation/fields';
import { PLAN_ITEMS_WARNING, savePlanSchema, saveTemplateSchema } from '@/lib/validation/plans';
import { savePlanAction, saveTemplateAction } from './actions';

type Row = { rowId: string; itemKey: string | null; exerciseId: string; sets: string; reps: string; holdSeconds: string; side: Side; sessionsPerDay: string; daysOfWeek: number[] };
type Errors = Record<string, string[]>;

const SIDE_LABELS: Record<Side, string> = { both: 'Each side', left: 'Left', right: 'Right', none: 'n/a' };
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
let rowCounter = 0;
const newRowId = () => `row-${++rowCounter}`;

function rowFrom(item: { itemKey?: string | null; exerciseId: string; sets: number; reps: number; holdSeconds: number; side: Side; sessionsPerDay: number; daysOfWeek: number[] }): Row {
  return {
    rowId: newRowId(),
    itemKey: item.itemKey ?? null,
    exerciseId: item.exerciseId,
    sets: String(item.sets),
    reps: String(item.reps),
    holdSeconds: String(item.holdSeconds),
    side: item.side,
    sessionsPerDay: String(item.sessionsPerDay),
    daysOfWeek: [...item.daysOfWeek],
  };
}

type Props = {
  patientId: string;
  today: string;
  plan: PlanDto | null;
  templates: TemplateDto[];
  exercises: LibraryExercise[];
};

/** Build a plan from a template or from scratch, or edit the current one (saved as a new revision). */
export function PlanBuilder({ patientId, today, plan, templates, exercises }: Props) {
  const id = useId();
  const router = useRouter();
  const [mode, setMode] = useState<'edit' | 'new'>(plan ? 'edit' : 'new');
  const editing = mode === 'edit' && plan !== null;
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState(editing ? plan.title : '');
  const [startDate, setStartDate] = useState(editing ? plan.startDate : today);
  const [endDate, setEndDate] = useState(editing ? (plan.endDate ?? '') : '');
  const [note, setNote] = useState(editing ? (plan.noteToPatient ?? '') : '');
  const [summary, setSummary] = useState('');
  const [rows, setRows] = useState<Row[]>(() =>
    editing ? plan.items.map((i) => rowFrom({ itemKey: i.itemKey, exerciseId: i.exercise.id, sets: i.sets, reps: i.reps, holdSeconds: i.holdSeconds, side: i.side, sessionsPerDay: i.sessionsPerDay, daysOfWeek: i.daysOfWeek })) : [],
  );
  const [adding, setAdding] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [templateName, setTemplateName] = useState('');
  const [templatePurpose, setTemplatePurpose] = useState('');
  const [templateErrors, setTemplateErrors] = useState<Errors>({});
  const [templateMessage, setTemplateMessage] = useState<string | null>(null);

  const exerciseById = new Map(exercises.map((e) => [e.id, e]));
  const err = (key: string) => errors[key]?.[0];

  function startNew(fromTemplate: TemplateDto | null) {
    setMode('new');
    setTemplateId(fromTemplate?.id ?? null);
    setTitle(fromTemplate?.name ?? '');
    setStartDate(today);
    setEndDate('');
    setNote('');
    setRows(fromTemplate ? fromTemplate.items.map((i) => rowFrom({ ...i, itemKey: null })) : []);
    setErrors({});
    setMessage(null);
  }

  function update(rowId: string, patch: Partial<Row>) {
    setRows((prev) => prev.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  }

  function move(index: number, by: -1 | 1) {
    setRows((prev) => {
      const next = [...prev];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  }

  function addExercise() {
    const exercise = exerciseById.get(adding);
    if (!exercise) return;
    setRows((prev) => [
      ...prev,
      rowFrom({ exerciseId: exercise.id, sets: exercise.defaultSets, reps: exercise.defaultReps, holdSeconds: exercise.defaultHoldSeconds, side: exercise.defaultSide, sessionsPerDay: 1, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] }),
    ]);
    setAdding('');
  }

  const items = rows.map((r) => ({
    itemKey: editing ? r.itemKey : null,
    exerciseId: r.exerciseId,
    sets: num(r.sets),
    reps: num(r.reps),
    holdSeconds: num(r.holdSeconds),
    side: r.side,
    sessionsPerDay: num(r.sessionsPerDay),
    daysOfWeek: r.daysOfWeek,
  }));

  function save(event: React.FormEvent) {
    event.preventDefault();
    const input = { planId: editing ? plan.id : null, templateId: editing ? null : templateId, title, startDate, endDate: endDate || null, noteToPatient: note || null, summary: summary || null, items };
    const parsed = savePlanSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setMessage({ kind: 'error', text: 'Please check the fields marked below. Nothing was saved.' });
      return;
    }
    startTransition(async () => {
      const result = await savePlanAction(patientId, parsed.data);
      if (!result.ok) {
        setErrors(result.fields ?? {});
        setMessage({ kind: 'error', text: result.fields ? 'Please check the fields marked below. Nothing was saved.' : result.message });
        return;
      }
      setErrors({});
      setSummary('');
      setMode('edit');
      setMessage({ kind: 'ok', text: result.data.unchanged ? 'No changes to save.' : result.data.created ? 'Plan created. The patient sees it on Today.' : `Saved as revision ${result.data.revision}.` });
      router.refresh();
    });
  }

  function saveAsTemplate(event: React.FormEvent) {
    event.preventDefault();
    const parsed = saveTemplateSchema.safeParse({ name: templateName, purpose: templatePurpose, items: items.map((i) => ({ exerciseId: i.exerciseId, sets: i.sets, reps: i.reps, holdSeconds: i.holdSeconds, side: i.side, sessionsPerDay: i.sessionsPerDay, daysOfWeek: i.daysOfWeek })) });
    if (!parsed.success) {
      setTemplateErrors(fieldErrors(parsed.error));
      return;
    }
    startTransition(async () => {
      const result = await saveTemplateAction(parsed.data);
      if (!result.ok) {
        setTemplateErrors(result.fields ?? { name: [result.message] });
        return;
      }
      setTemplateErrors({});
      setTemplateMessage(`Saved "${parsed.data.name}" as a clinic template.`);
      setTemplateName('');
      setTemplatePurpose('');
    });
  }

  return (
    <div className="stack">
      {!editing ? (
        <section className="card" aria-labelledby={`${id}-start`}>
          <h2 id={`${id}-start`}>{plan ? 'Start a new plan' : 'Start a plan'}</h2>
          <p className="muted small">Pick a template to fill in the exercises, then adjust. {plan ? 'The current plan will be completed when you save.' : ''}</p>
          <div className="progress-line">
            <label className="visually-hidden" htmlFor={`${id}-template`}>
              Template
            </label>
            <select id={`${id}-template`} className="select" style={{ maxWidth: '24rem' }} value={templateId ?? ''} onChange={(e) => startNew(templates.find((t) => t.id === e.target.value) ?? null)}>
              <option value="">From scratch</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                  {t.isBuiltIn ? '' : ' (clinic)'}
                </option>
              ))}
            </select>
            {plan ? (
              <button type="button" className="button button-quiet" onClick={() => window.location.reload()}>
                Back to the current plan
              </button>
            ) : null}
          </div>
          {templateId ? <p className="small muted">{templates.find((t) => t.id === templateId)?.purpose}</p> : null}
        </section>
      ) : null}

      <form onSubmit={save} noValidate aria-label="Plan" className="card">
        <div className="page-header" style={{ marginBottom: '0.5rem' }}>
          <h2>{editing ? `Edit plan (revision ${plan.revision})` : 'New plan'}</h2>
          {editing ? (
            <button type="button" className="button button-secondary" onClick={() => startNew(null)}>
              Start a new plan
            </button>
          ) : null}
        </div>
        {message ? (
          <p className={message.kind === 'ok' ? 'form-success' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
            {message.text}
          </p>
        ) : null}
        <div className="grid-2">
          <Field id={`${id}-title`} label="Title" error={err('title')}>
            <input id={`${id}-title`} className="input" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={err('title') ? true : undefined} aria-describedby={err('title') ? `${id}-title-error` : undefined} />
          </Field>
          <div className="progress-line" style={{ alignItems: 'flex-start' }}>
            <Field id={`${id}-start-date`} label="Start date" error={err('startDate')}>
              <input id={`${id}-start-date`} type="date" className="input" value={startDate} onChange={(e) => setStartDate(e.target.value)} aria-invalid={err('startDate') ? true : undefined} aria-describedby={err('startDate') ? `${id}-start-date-error` : undefined} />
            </Field>
            <Field id={`${id}-end-date`} label="End date (optional)" error={err('endDate')}>
              <input id={`${id}-end-date`} type="date" className="input" value={endDate} onChange={(e) => setEndDate(e.target.value)} aria-invalid={err('endDate') ? true : undefined} aria-describedby={err('endDate') ? `${id}-end-date-error` : undefined} />
            </Field>
          </div>
        </div>
        <Field id={`${id}-note`} label="Note to the patient (optional)" error={err('noteToPatient')}>
          <textarea id={`${id}-note`} className="textarea" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>

        <h3>Exercises</h3>
        {rows.length > PLAN_ITEMS_WARNING ? (
          <p className="badge badge-paused" role="status" style={{ whiteSpace: 'normal', display: 'block', borderRadius: 8, padding: '0.5rem 0.75rem' }}>
            {rows.length} exercises: long plans are often not finished. Consider {PLAN_ITEMS_WARNING} or fewer.
          </p>
        ) : null}
        {err('items') ? <p className="field-error">Exercises: {err('items')}.</p> : null}
        <div className="table-wrap">
          <table className="plan-table" data-testid="plan-builder-items">
            <caption className="visually-hidden">Exercises in the plan with dosage and schedule</caption>
            <thead>
              <tr>
                <th scope="col">Exercise</th>
                <th scope="col">Sets</th>
                <th scope="col">Reps</th>
                <th scope="col">Hold (s)</th>
                <th scope="col">Side</th>
                <th scope="col">Per day</th>
                <th scope="col">Days</th>
                <th scope="col">
                  <span className="visually-hidden">Order and remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const name = exerciseById.get(row.exerciseId)?.name ?? 'Exercise';
                const numberCell = (key: 'sets' | 'reps' | 'holdSeconds' | 'sessionsPerDay', label: string) => {
                  const e = err(`items.${index}.${key}`);
                  return (
                    <td>
                      <input
                        className="input input-narrow"
                        inputMode="numeric"
                        aria-label={`${label} for ${name}`}
                        value={row[key]}
                        onChange={(ev) => update(row.rowId, { [key]: ev.target.value })}
                        aria-invalid={e ? true : undefined}
                        aria-describedby={e ? `${row.rowId}-${key}-error` : undefined}
                      />
                      {e ? (
                        <span id={`${row.rowId}-${key}-error`} className="field-error small" style={{ display: 'block' }}>
                          {e}
                        </span>
                      ) : null}
                    </td>
                  );
                };
                const daysError = err(`items.${index}.daysOfWeek`);
                return (
                  <tr key={row.rowId}>
                    <th scope="row">
                      {name}
                      {err(`items.${index}.exerciseId`) ? <span className="field-error small" style={{ display: 'block' }}>{err(`items.${index}.exerciseId`)}</span> : null}
                    </th>
                    {numberCell('sets', 'Sets')}
                    {numberCell('reps', 'Reps')}
                    {numberCell('holdSeconds', 'Hold seconds')}
                    <td>
                      <select className="select input-narrow" aria-label={`Side for ${name}`} value={row.side} onChange={(e) => update(row.rowId, { side: e.target.value as Side })}>
                        {SIDES.map((s) => (
                          <option key={s} value={s}>
                            {SIDE_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    </td>
                    {numberCell('sessionsPerDay', 'Sessions per day')}
                    <td>
                      <fieldset className="days" aria-describedby={daysError ? `${row.rowId}-days-error` : undefined}>
                        <legend className="visually-hidden">Days for {name}</legend>
                        {WEEKDAY_SHORT.map((label, d) => (
                          <label key={label} title={label}>
                            <input
                              type="checkbox"
                              checked={row.daysOfWeek.includes(d + 1)}
                              onChange={(e) => update(row.rowId, { daysOfWeek: e.target.checked ? [...row.daysOfWeek, d + 1].sort((a, b) => a - b) : row.daysOfWeek.filter((x) => x !== d + 1) })}
                            />
                            <span>{label[0]}</span>
                            <span className="visually-hidden">{label}</span>
                          </label>
                        ))}
                      </fieldset>
                      {daysError ? (
                        <span id={`${row.rowId}-days-error`} className="field-error small" style={{ display: 'block' }}>
                          {daysError}
                        </span>
                      ) : null}
                    </td>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      <button type="button" className="button button-quiet" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                        ↑
                      </button>
                      <button type="button" className="button button-quiet" aria-label={`Move ${name} down`} disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                        ↓
                      </button>
                      <button type="button" className="button button-quiet" aria-label={`Remove ${name}`} onClick={() => setRows((prev) => prev.filter((r) => r.rowId !== row.rowId))}>
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={8} className="muted">
                    No exercises yet: pick a template above or add exercises below.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <div className="progress-line" style={{ marginTop: '0.75rem' }}>
          <label htmlFor={`${id}-add`} className="visually-hidden">
            Exercise to add
          </label>
          <select id={`${id}-add`} className="select" style={{ maxWidth: '22rem' }} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose an exercise to add…</option>
            {(['stretch', 'mobility', 'myofascial_release', 'strengthening'] as const).map((kind) => (
              <optgroup key={kind} label={KIND_LABELS[kind]}>
                {exercises
                  .filter((e) => e.kind === kind)
                  .map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <button type="button" className="button button-secondary" onClick={addExercise} disabled={!adding}>
            Add exercise
          </button>
        </div>
        {editing ? (
          <Field id={`${id}-summary`} label="What changed (optional, shown in the history)" error={err('summary')}>
            <input id={`${id}-summary`} className="input" value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="e.g. Longer holds after the visit on 24 Nov" />
          </Field>
        ) : null}
        <div className="progress-line" style={{ marginTop: '1rem' }}>
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Saving…' : editing ? 'Save changes' : 'Create plan'}
          </button>
        </div>
      </form>

      {rows.length > 0 ? (
        <details className="card">
          <summary style={{ cursor: 'pointer', fontWeight: 600 }}>Save these exercises as a clinic template</summary>
          <form onSubmit={saveAsTemplate} noValidate aria-label="Save as template" style={{ marginTop: '0.75rem' }}>
            {templateMessage ? (
              <p className="form-success" role="status">
                {templateMessage}
              </p>
            ) : null}
            <Field id={`${id}-tname`} label="Template name" error={templateErrors.name?.[0]}>
              <input id={`${id}-tname`} className="input" value={templateName} onChange={(e) => setTemplateName(e.target.value)} aria-invalid={templateErrors.name ? true : undefined} aria-describedby={templateErrors.name ? `${id}-tname-error` : undefined} />
            </Field>
            <Field id={`${id}-tpurpose`} label="Purpose (one line)" error={templateErrors.purpose?.[0]}>
              <input id={`${id}-tpurpose`} className="input" value={templatePurpose} onChange={(e) => setTemplatePurpose(e.target.value)} aria-invalid={templateErrors.purpose ? true : undefined} aria-describedby={templateErrors.purpose ? `${id}-tpurpose-error` : undefined} />
            </Field>
            <button type="submit" className="button button-secondary" disabled={pending}>
              Save template
            </button>
          </form>
        </details>
      ) : null}
    </div>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {label.replace(/ \(.*\)$/, '')} {error}.
        </p>
      ) : null}
    </div>
  );
}
