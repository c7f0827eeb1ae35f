'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import type { LibraryExercise } from '@/lib/dal/library';
import type { PlanDto } from '@/lib/dal/plans';
import type { TemplateDto } from '@/lib/dal/plans-edit';
import { fieldErrors } from '@/lib/validation/fields';
import { savePlanSchema, saveTemplateSchema } from '@/lib/validation/plans';
import { ItemsTable, rowFrom, rowToItem, type Errors, type Row } from '../../../items-table';
import { savePlanAction, saveTemplateAction } from './actions';

/** The confirmation for a ?saved= code, or null. */
export function savedMessage(code: string | undefined): string | null {
  if (code === 'created') return 'Plan created. The patient sees it on Today.';
  if (code === 'unchanged') return 'No changes to save.';
  const revision = code?.match(/^r(\d{1,5})$/)?.[1];
  return revision ? `Saved as revision ${revision}.` : null;
}

type Props = {
  saved?: string;
  patientId: string;
  today: string;
  plan: PlanDto | null;
  templates: TemplateDto[];
  exercises: LibraryExercise[];
};

/** Build a plan from a template or from scratch, or edit the current one (saved as a new revision). */
export function PlanBuilder({ saved, patientId, today, plan, templates, exercises }: Props) {
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
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(() => {
    const text = savedMessage(saved);
    return text ? { kind: 'ok', text } : null;
  });
  const [pending, startTransition] = useTransition();
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // A save re-creates the builder (keyed by revision), which drops keyboard focus: it goes to the confirmation.
    if (saved && (!document.activeElement || document.activeElement === document.body)) messageRef.current?.focus();
  }, [saved]);
  const [templateName, setTemplateName] = useState('');
  const [templatePurpose, setTemplatePurpose] = useState('');
  const [templateErrors, setTemplateErrors] = useState<Errors>({});
  const [templateMessage, setTemplateMessage] = useState<string | null>(null);

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

  const items = rows.map((r) => ({ itemKey: editing ? r.itemKey : null, ...rowToItem(r) }));

  function save(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
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
      // The outcome travels in the URL: the builder is re-created from the saved plan, and the message survives that.
      const saved = result.data.unchanged ? 'unchanged' : result.data.created ? 'created' : `r${result.data.revision}`;
      setMessage({ kind: 'ok', text: savedMessage(saved) ?? '' });
      router.replace(`/patients/${patientId}/plan?saved=${saved}`, { scroll: false });
    });
  }

  function saveAsTemplate(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const parsed = saveTemplateSchema.safeParse({ name: templateName, purpose: templatePurpose, items: rows.map(rowToItem) });
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
          <p ref={messageRef} tabIndex={-1} className={message.kind === 'ok' ? 'form-success' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
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
        <ItemsTable rows={rows} setRows={setRows} exercises={exercises} errors={errors} />
        {editing ? (
          <Field id={`${id}-summary`} label="What changed (optional, shown in the history)" error={err('summary')}>
            <input id={`${id}-summary`} className="input" value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="e.g. Longer holds after the visit on 24 Nov" />
          </Field>
        ) : null}
        <div className="progress-line" style={{ marginTop: '1rem' }}>
          {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
          <button type="submit" className="button" aria-disabled={pending || undefined}>
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
            <button type="submit" className="button button-secondary" aria-disabled={pending || undefined}>
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
