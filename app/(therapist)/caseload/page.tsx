import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { ClinicSummaryView } from '@/lib/charts/clinic-summary';
import { RosterTable } from '@/lib/charts/roster-table';
import { listPendingPatientAccounts } from '@/lib/dal/invitations';
import { getClinicSummary, listRoster } from '@/lib/dal/metrics';

export const metadata: Metadata = { title: 'Caseload' };

export default async function CaseloadPage() {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const [rows, summary, pendingAccounts] = await Promise.all([listRoster(viewer), getClinicSummary(viewer), listPendingPatientAccounts(viewer)]);
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
        <div className="stack">
          <RosterTable rows={rows} showTherapist={isAdmin} accounts={pendingAccounts ?? {}} />
          {summary ? <ClinicSummaryView summary={summary} audience={isAdmin ? 'clinic' : 'caseload'} /> : null}
        </div>
      )}
    </>
  );
}
