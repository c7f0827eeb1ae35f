import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getPatientDetail } from '@/lib/dal/patients';
import { describeDays, formatLocalDate } from '@/lib/dates';
import { describeDosage, DIFFICULTY_LABELS } from '@/lib/format';

export const metadata: Metadata = { title: 'Patient' };

const RED_FLAG_LABELS: Record<string, string> = {
  leg_numbness_or_weakness: 'new numbness or weakness in the legs',
  bladder_or_bowel_control: 'bladder or bowel control problems',
  after_fall_or_accident: 'pain after a fall or accident',
  fever: 'fever with back pain',
};

export default async function PatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const { patientId } = await params;
  const detail = await getPatientDetail(viewer, patientId);
  if (!detail) notFound();
  const { patient, plan, recentLogs, recentCheckIns } = detail;
  const redFlags = recentCheckIns.filter((c) => c.redFlags.length > 0);
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
      </div>

      {redFlags.length > 0 ? (
        <div className="form-error" role="alert" data-testid="red-flag-alert">
          Red flag reported on {formatLocalDate(redFlags[0]!.localDate)}: {redFlags[0]!.redFlags.map((f) => RED_FLAG_LABELS[f] ?? f).join(', ')}. The patient was told to seek urgent care.
        </div>
      ) : null}

      <section className="card" aria-labelledby="plan-heading">
        <h2 id="plan-heading">Plan</h2>
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

      <div className="grid-2">
        <section className="card" aria-labelledby="logs-heading">
          <h2 id="logs-heading">Sessions, last 14 days</h2>
          {recentLogs.length === 0 ? (
            <p className="muted">No sessions logged in the last 14 days.</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="recent-logs">
                <caption className="visually-hidden">Logged sessions with pain before and after</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Exercise</th>
                    <th scope="col" className="num">
                      Sets
                    </th>
                    <th scope="col" className="num">
                      Pain
                    </th>
                    <th scope="col">Felt</th>
                  </tr>
                </thead>
                <tbody>
                  {recentLogs.map((log) => (
                    <tr key={log.id}>
                      <td>{formatLocalDate(log.localDate)}</td>
                      <td>{log.exerciseName}</td>
                      <td className="num">{log.setsDone}</td>
                      <td className="num">
                        {log.painBefore ?? '–'} → {log.painAfter ?? '–'}
                      </td>
                      <td>{log.difficulty ? DIFFICULTY_LABELS[log.difficulty] : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="checkins-heading">
          <h2 id="checkins-heading">Pain check-ins, last 14 days</h2>
          {recentCheckIns.length === 0 ? (
            <p className="muted">No check-ins in the last 14 days.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Daily pain ratings from 0 to 10</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col" className="num">
                      Pain (0–10)
                    </th>
                    <th scope="col">Red flags</th>
                  </tr>
                </thead>
                <tbody>
                  {recentCheckIns.map((c) => (
                    <tr key={c.localDate}>
                      <td>{formatLocalDate(c.localDate)}</td>
                      <td className="num">{c.pain}</td>
                      <td>{c.redFlags.length ? <span className="badge badge-danger">{c.redFlags.length}</span> : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
