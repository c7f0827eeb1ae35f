import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { listPendingPatientAccounts } from '@/lib/dal/invitations';
import { listCaseload } from '@/lib/dal/patients';
import { AccountStatusBadge } from '@/lib/ui/account-status';
import { formatLocalDate, localDateIn } from '@/lib/dates';
import { describeLastActivity } from '@/lib/format';

export const metadata: Metadata = { title: 'Caseload' };

export default async function CaseloadPage() {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const [rows, pendingAccounts] = await Promise.all([listCaseload(viewer), listPendingPatientAccounts(viewer)]);
  if (!rows) notFound();
  const isAdmin = viewer.role === 'admin';
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{isAdmin ? 'Clinic patients' : 'Your caseload'}</h1>
          <p className="muted">
            {rows.length} {rows.length === 1 ? 'patient' : 'patients'}
            {isAdmin ? ' in your clinic' : ' in your care'}
          </p>
        </div>
        <Link href="/patients/new" className="button">
          Add patient
        </Link>
      </div>
      {rows.length === 0 ? (
        <div className="card empty-state">
          <h2>No patients yet</h2>
          <p className="muted">Patients you onboard will appear here.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table data-testid="caseload-table">
            <caption className="visually-hidden">Patients, their current plan and last activity</caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Plan</th>
                <th scope="col">Status</th>
                <th scope="col">Last activity</th>
                <th scope="col">Alerts</th>
                {isAdmin ? <th scope="col">Therapist</th> : null}
                <th scope="col">Condition</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.patientId}>
                  <th scope="row">
                    <Link href={`/patients/${r.patientId}`}>{r.name}</Link>
                    {pendingAccounts?.[r.patientId] ? (
                      <>
                        {' '}
                        <AccountStatusBadge status={pendingAccounts[r.patientId]!} />
                      </>
                    ) : null}
                  </th>
                  <td>{r.planTitle ?? <span className="muted">No plan</span>}</td>
                  <td>{r.planStatus ? <span className={`badge badge-${r.planStatus}`}>{r.planStatus}</span> : <span className="muted">–</span>}</td>
                  <td>{describeLastActivity(r.lastActivity, localDateIn(r.timeZone))}</td>
                  <td>{r.redFlagOn ? <span className="badge badge-danger">Red flag {formatLocalDate(r.redFlagOn)}</span> : <span className="muted">–</span>}</td>
                  {isAdmin ? <td>{r.therapistName}</td> : null}
                  <td className="muted">{r.conditionNote ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
