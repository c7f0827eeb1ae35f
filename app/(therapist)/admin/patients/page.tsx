import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { listActiveTherapists, listPatientAssignments } from '@/lib/dal/clinic-admin';
import { ReassignForm } from './reassign-form';

export const metadata: Metadata = { title: 'Move patients' };

export default async function AdminPatientsPage() {
  const viewer = await requireViewer({ roles: ['admin'] });
  const [rows, therapists] = await Promise.all([listPatientAssignments(viewer), listActiveTherapists(viewer)]);
  if (!rows || !therapists) notFound();
  const stranded = rows.filter((r) => r.therapistDisabled).length;
  return (
    <div className="stack">
      <div>
        <h1>Patients and their therapists</h1>
        <p className="muted">
          {rows.length} {rows.length === 1 ? 'patient' : 'patients'}.{' '}
          {stranded ? <strong>{stranded} with a disabled therapist, listed first: move them to someone active.</strong> : null}
        </p>
      </div>
      <div className="table-wrap">
        <table className="admin-table" data-testid="assignments-table">
          <caption className="visually-hidden">Each patient of the clinic, their primary therapist, and a control to move them</caption>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Therapist</th>
              <th scope="col">Move to</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.patientId} data-testid="assignment-row">
                <th scope="row">
                  <Link href={`/patients/${r.patientId}`}>{r.name}</Link>
                </th>
                <td>
                  {r.therapistName} {r.therapistDisabled ? <span className="badge badge-danger">Disabled</span> : null}
                </td>
                <td>
                  <ReassignForm patientId={r.patientId} patientName={r.name} therapists={therapists.filter((t) => t.id !== r.therapistId)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
