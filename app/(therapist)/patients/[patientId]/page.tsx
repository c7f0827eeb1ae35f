import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { listLibraryArticles } from '@/lib/dal/library';
import { getPatientDetail } from '@/lib/dal/patients';
import { listPatientReading } from '@/lib/dal/reading';
import { addDays, describeDays, formatLocalDate } from '@/lib/dates';
import { summarizeDays } from '@/lib/day-summary';
import { RED_FLAG_LABELS } from '@/lib/safety';
import { describeDosage, READING_STATE_LABELS } from '@/lib/format';
import { unassignReadingAction } from '../../actions';
import { AssignReadingForm } from '../../assign-reading-form';
import { PatientAccountPanel } from '../account-panel';

export const metadata: Metadata = { title: 'Patient' };


export default async function PatientPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const { patientId } = await params;
  const { invited } = await searchParams;
  const detail = await getPatientDetail(viewer, patientId);
  if (!detail) notFound();
  const { patient, plan, recentLogs, recentCheckIns } = detail;
  const redFlags = recentCheckIns.filter((c) => c.redFlags.length > 0);
  const days = summarizeDays(recentLogs, recentCheckIns, patient.today, 14);
  const [reading, library] = await Promise.all([listPatientReading(viewer, patient.id), listLibraryArticles(viewer)]);
  const assignedArticleIds = new Set((reading ?? []).map((r) => r.articleId));
  const assignable = (library ?? []).filter((a) => a.isPublished && !assignedArticleIds.has(a.articleId));
  return (
    <div className="stack">
      <p className="small">
        <Link href="/caseload">← Caseload</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{patient.name}</h1>
          <p className="muted">
            {patient.conditionNote ?? 'No condition note'} · {patient.timeZone} · their today: {formatLocalDate(patient.today)}
          </p>
        </div>
        <Link className="button button-secondary" href={`/patients/${patient.id}/charts`}>
          Charts
        </Link>
      </div>

      <PatientAccountPanel viewer={viewer} patientId={patient.id} invited={typeof invited === 'string' ? invited : undefined} />

      {redFlags.length > 0 ? (
        <div className="form-error" role="alert" data-testid="red-flag-alert">
          Red flag reported on {formatLocalDate(redFlags[0]!.localDate)}: {redFlags[0]!.redFlags.map((f) => RED_FLAG_LABELS[f]).join(', ')}. The patient was told to seek urgent care.
        </div>
      ) : null}

      <section className="card" aria-labelledby="plan-heading">
        <div className="page-header" style={{ marginBottom: '0.25rem' }}>
          <h2 id="plan-heading">Plan</h2>
          <Link className="button button-secondary" href={`/patients/${patient.id}/plan`}>
            {plan ? 'Edit plan' : 'Build a plan'}
          </Link>
        </div>
        {plan ? (
          <>
            <p>
              <strong>{plan.title}</strong> <span className={`badge badge-${plan.status}`}>{plan.status}</span>
            </p>
            <p className="muted small">
              Started {formatLocalDate(plan.startDate, { day: 'numeric', month: 'short', year: 'numeric' })}
              {plan.endDate ? `, ends ${formatLocalDate(plan.endDate, { day: 'numeric', month: 'short', year: 'numeric' })}` : ''} · revision {plan.revision} since{' '}
              {formatLocalDate(plan.revisionDate, { day: 'numeric', month: 'short' })}
            </p>
            <div className="table-wrap">
              <table data-testid="plan-items">
                <caption className="visually-hidden">Exercises in the current plan revision</caption>
                <thead>
                  <tr>
                    <th scope="col">Exercise</th>
                    <th scope="col">Dosage</th>
                    <th scope="col" className="num">
                      Per day
                    </th>
                    <th scope="col">Days</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.items.map((item) => (
                    <tr key={item.planItemId}>
                      <td>{item.exercise.name}</td>
                      <td>{describeDosage(item)}</td>
                      <td className="num">{item.sessionsPerDay}×</td>
                      <td>{describeDays(item.daysOfWeek)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p className="muted">No active plan.</p>
        )}
      </section>

      <section className="card" aria-labelledby="reading-heading">
        <h2 id="reading-heading">Reading</h2>
        <div className="grid-2" style={{ alignItems: 'start' }}>
          <div>
            {reading && reading.length > 0 ? (
              <div className="table-wrap">
                <table data-testid="patient-reading">
                  <caption className="visually-hidden">Assigned articles with their reading state and time spent</caption>
                  <thead>
                    <tr>
                      <th scope="col">Article</th>
                      <th scope="col">State</th>
                      <th scope="col">Due</th>
                      <th scope="col" className="num">
                        Time
                      </th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {reading.map((r) => (
                      <tr key={r.assignmentId}>
                        <th scope="row">
                          <Link href={`/library/articles/${r.slug}`}>{r.title}</Link>
                        </th>
                        <td>
                          <span className={`badge badge-state-${r.state}`}>{READING_STATE_LABELS[r.state]}</span>
                        </td>
                        <td>{r.dueDate ? formatLocalDate(r.dueDate) : '–'}</td>
                        <td className="num">{r.secondsSpent ? `${Math.max(1, Math.round(r.secondsSpent / 60))} min` : '–'}</td>
                        <td>
                          <form action={unassignReadingAction}>
                            <input type="hidden" name="assignmentId" value={r.assignmentId} />
                            <input type="hidden" name="patientId" value={patient.id} />
                            <button type="submit" className="button button-quiet small" aria-label={`Unassign ${r.title}`}>
                              Unassign
                            </button>
                          </form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="muted">No reading assigned.</p>
            )}
          </div>
          <details>
            <summary className="button button-secondary">Assign articles</summary>
            <div style={{ marginTop: '0.75rem' }}>
              <AssignReadingForm mode="patient" patientId={patient.id} articles={assignable.map((a) => ({ id: a.articleId, label: a.title, hint: `${a.readingMinutes} min` }))} defaultDue={addDays(patient.today, 7)} />
            </div>
          </details>
        </div>
      </section>

      <section className="card" aria-labelledby="days-heading">
        <h2 id="days-heading">Last 14 days</h2>
        <div className="table-wrap" role="region" aria-label="Last 14 days, table" tabIndex={0}>
          <table data-testid="recent-days">
            <caption className="visually-hidden">Sessions logged, pain around sessions, and daily pain check-in for each of the last 14 days</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="num">
                  Sessions
                </th>
                <th scope="col" className="num">
                  Pain before → after
                </th>
                <th scope="col" className="num">
                  Check-in pain
                </th>
                <th scope="col">Flags and notes</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.localDate}>
                  <th scope="row">{formatLocalDate(d.localDate)}</th>
                  <td className="num">{d.sessions || <span className="muted">0</span>}</td>
                  <td className="num">{d.sessions ? `${d.painBefore ?? '–'} → ${d.painAfter ?? '–'}` : <span className="muted">–</span>}</td>
                  <td className="num">{d.checkInPain ?? <span className="muted">–</span>}</td>
                  <td>
                    {d.redFlags.length ? <span className="badge badge-danger">Red flag</span> : null} {d.hurt ? <span className="badge badge-danger">Pain rose ≥ 3 after a session</span> : null}{' '}
                    {d.tooHard ? <span className="badge badge-paused">Too hard ×{d.tooHard}</span> : null}{' '}
                    {d.notes.map((n, i) => (
                      <q key={i} className="small muted" style={{ display: 'block' }}>
                        {n}
                      </q>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
