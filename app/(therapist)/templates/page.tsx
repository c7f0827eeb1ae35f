import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { listTemplates } from '@/lib/dal/plans-edit';
import { describeDays } from '@/lib/dates';
import { describeDosage } from '@/lib/format';

export const metadata: Metadata = { title: 'Plan templates' };

export default async function TemplatesPage() {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const templates = await listTemplates(viewer);
  if (!templates) notFound();
  const groups = [
    { title: 'Your clinic', items: templates.filter((t) => !t.isBuiltIn), empty: 'None yet. Save any plan as a template from the plan builder.' },
    { title: 'Built in (read-only)', items: templates.filter((t) => t.isBuiltIn), empty: '' },
  ];
  return (
    <div className="stack">
      <div>
        <h1>Plan templates</h1>
        <p className="muted">Start a patient’s plan from one of these, then adjust it to the person.</p>
      </div>
      {groups.map((g) => (
        <section key={g.title} aria-labelledby={`group-${g.title}`}>
          <h2 id={`group-${g.title}`}>{g.title}</h2>
          {g.items.length === 0 ? <p className="muted">{g.empty}</p> : null}
          <ul className="card-grid" data-testid={g.title.startsWith('Your') ? 'clinic-templates' : 'builtin-templates'}>
            {g.items.map((t) => (
              <li key={t.id} className="card">
                <h3>
                  <Link href={`/templates/${t.id}`}>{t.name}</Link>
                </h3>
                <p className="muted small">{t.purpose}</p>
                <ul className="small" style={{ paddingLeft: '1.1rem', margin: 0 }}>
                  {t.items.map((i, n) => (
                    <li key={n}>
                      {i.exerciseName}: {describeDosage(i)}, {i.sessionsPerDay}×/day, {describeDays(i.daysOfWeek).toLowerCase()}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
