import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { listStaff } from '@/lib/dal/clinic-admin';
import { AccountStatusBadge, describeRelative } from '@/lib/ui/account-status';
import { InvitationControls } from '../../invitation-controls';
import { InviteTherapistForm } from './invite-therapist-form';
import { StaffDisableButton } from './staff-disable-button';

export const metadata: Metadata = { title: 'Therapists' };

export default async function TherapistsPage() {
  const viewer = await requireViewer({ roles: ['admin'] });
  const staff = await listStaff(viewer);
  if (!staff) notFound();
  return (
    <div className="stack">
      <div>
        <h1>Therapists</h1>
        <p className="muted">
          Disabling an account signs that person out at once, on every device. Their patients stay with them until you move them.
        </p>
      </div>
      <div className="split">
        <div className="table-wrap">
          <table className="admin-table" data-testid="staff-table">
            <caption className="visually-hidden">Therapists and admins of your clinic</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Account</th>
                <th scope="col" className="num">
                  Patients
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.userId} data-testid="staff-row">
                  <th scope="row">
                    {s.name}
                    {s.isSelf ? <span className="muted"> (you)</span> : null}
                    <div className="muted small" style={{ fontWeight: 400 }}>
                      {s.email} · {s.role === 'admin' ? 'Admin' : 'Therapist'}
                    </div>
                  </th>
                  <td>
                    <AccountStatusBadge status={s.status} disabled={s.disabled} />
                    <div className="muted small">
                      {s.activeSessions > 0 && !s.disabled
                        ? `Signed in${s.activeSessions > 1 ? ` (${s.activeSessions} sessions)` : ''}`
                        : s.lastSeenAt
                          ? `Last seen ${describeRelative(s.lastSeenAt)}`
                          : s.status === 'active'
                            ? 'Never signed in'
                            : null}
                    </div>
                  </td>
                  <td className="num">{s.role === 'therapist' || s.patientCount > 0 ? s.patientCount : <span className="muted">–</span>}</td>
                  <td>
                    <div className="inline-actions">
                      {s.status !== 'active' && !s.disabled ? <InvitationControls userId={s.userId} canRevoke={s.status === 'pending'} compact label={s.name} /> : null}
                      {s.isSelf ? null : <StaffDisableButton therapistId={s.userId} name={s.name} disabled={s.disabled} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section className="card" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite a therapist</h2>
          <p className="muted small">They get a one-time link to choose their password (valid 7 days).</p>
          <InviteTherapistForm />
        </section>
      </div>
    </div>
  );
}
