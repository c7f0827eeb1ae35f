import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getPatientDetail } from '@/lib/dal/patients';
import { describeDays, formatLocalDate } from '@/lib/dates';
import { summarizeDays } from '@/lib/day-summary';
import { describeDosage } from '@/lib/format';

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
  const days = summarizeDays(recentLogs, recentCheckIns, patient.today, 14);
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

      <section className="card" aria-labelledby="days-heading">
        <h2 id="days-heading">Last 14 days</h2>
        <div className="table-wrap">
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
