'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { LibraryExercise } from '@/lib/dal/library';
import type { TemplateDto } from '@/lib/dal/plans-edit';
import { fieldErrors } from '@/lib/validation/fields';
import { saveTemplateSchema } from '@/lib/validation/plans';
import { ItemsTable, rowFrom, rowToItem, type Errors, type Row } from '../../items-table';
import { deleteTemplateAction, saveTemplateAction } from '../../patients/[patientId]/plan/actions';

/** Edit or delete one of the clinic's own templates. */
export function TemplateEditor({ template, exercises }: { template: TemplateDto; exercises: LibraryExercise[] }) {
  const router = useRouter();
  const [name, setName] = useState(template.name);
  const [purpose, setPurpose] = useState(template.purpose);
  const [rows, setRows] = useState<Row[]>(() => template.items.map((i) => rowFrom(i)));
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function save(event: React.FormEvent) {
    event.preventDefault();
    const parsed = saveTemplateSchema.safeParse({ templateId: template.id, name, purpose, items: rows.map(rowToItem) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setMessage({ ok: false, text: 'Please check the fields marked below. Nothing was saved.' });
      return;
    }
    startTransition(async () => {
      const result = await saveTemplateAction(parsed.data);
      setErrors(result.ok ? {} : (result.fields ?? {}));
      setMessage(result.ok ? { ok: true, text: 'Template saved.' } : { ok: false, text: result.message });
      if (result.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={save} noValidate aria-label="Template" className="card">
      {message ? (
        <p className={message.ok ? 'form-success' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="template-name">Name</label>
        <input id="template-name" className="input" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? 'template-name-error' : undefined} />
        {errors.name ? (
          <p id="template-name-error" className="field-error">
            Name {errors.name[0]}.
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="template-purpose">Purpose</label>
        <input id="template-purpose" className="input" value={purpose} onChange={(e) => setPurpose(e.target.value)} aria-invalid={errors.purpose ? true : undefined} aria-describedby={errors.purpose ? 'template-purpose-error' : undefined} />
        {errors.purpose ? (
          <p id="template-purpose-error" className="field-error">
            Purpose {errors.purpose[0]}.
          </p>
        ) : null}
      </div>
      <h2>Exercises</h2>
      <ItemsTable rows={rows} setRows={setRows} exercises={exercises} errors={errors} />
      <div className="progress-line" style={{ marginTop: '1rem', justifyContent: 'space-between' }}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : 'Save template'}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(`Delete the template "${template.name}"? Plans made from it are not affected.`)) return;
            startTransition(async () => {
              const result = await deleteTemplateAction(template.id);
              if (result.ok) router.push('/templates');
              else setMessage({ ok: false, text: result.message });
            });
          }}
        >
          Delete template
        </button>
      </div>
    </form>
  );
}
