import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { listLibraryExercises } from '@/lib/dal/library';
import { listTemplates } from '@/lib/dal/plans-edit';
import { describeDays } from '@/lib/dates';
import { describeDosage } from '@/lib/format';
import { TemplateEditor } from './template-editor';

export const metadata: Metadata = { title: 'Template' };

export default async function TemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const { templateId } = await params;
  const template = (await listTemplates(viewer))?.find((t) => t.id === templateId);
  if (!template) notFound();
  return (
    <div className="stack">
      <p className="small">
        <Link href="/templates">← Templates</Link>
      </p>
      <div>
        <h1>{template.name}</h1>
        <p className="muted">{template.isBuiltIn ? 'Built-in template: read-only. Use it from a patient’s plan page.' : 'Your clinic’s template.'}</p>
      </div>
      {template.isBuiltIn ? (
        <section className="card">
          <p>{template.purpose}</p>
          <ul>
            {template.items.map((i, n) => (
              <li key={n}>
                {i.exerciseName}: {describeDosage(i)}, {i.sessionsPerDay}× a day, {describeDays(i.daysOfWeek).toLowerCase()}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <TemplateEditor template={template} exercises={await listLibraryExercises(viewer)} />
      )}
    </div>
  );
}
