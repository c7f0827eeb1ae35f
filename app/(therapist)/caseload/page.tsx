import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { requireViewer } from '@/lib/auth/viewer';
import { ClinicSummaryView } from '@/lib/charts/clinic-summary';
import { RosterTable } from '@/lib/charts/roster-table';
import type { Viewer } from '@/lib/auth/types';
import { listPendingPatientAccounts } from '@/lib/dal/invitations';
import { getClinicSummary, listRoster } from '@/lib/dal/metrics';
import { Skeleton, SkeletonBar, SkeletonCard } from '@/lib/ui/skeleton';

export const metadata: Metadata = { title: 'Caseload' };

/** The heading and actions go out at once; the roster (the page's metrics statement) streams in behind a skeleton. */
export default async function CaseloadPage() {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const isAdmin = viewer.role === 'admin';
  return (
    <>
      <div className="page-header">
        <h1>{isAdmin ? 'Clinic patients' : 'Your caseload'}</h1>
        <Link href="/patients/new" className="button">
          Add patient
        </Link>
      </div>
      <Suspense fallback={<CaseloadSkeleton />}>
        <Caseload viewer={viewer} />
      </Suspense>
    </>
  );
}

async function Caseload({ viewer }: { viewer: Viewer }) {
  const [rows, summary, pendingAccounts] = await Promise.all([listRoster(viewer), getClinicSummary(viewer), listPendingPatientAccounts(viewer)]);
  const isAdmin = viewer.role === 'admin';
  // requireViewer admitted clinicians only, and only a non-clinician gets no roster: nothing to show otherwise.
  if (!rows || rows.length === 0) {
    return (
      <div className="card empty-state">
        <h2>No patients yet</h2>
        <p className="muted">Patients you onboard will appear here.</p>
      </div>
    );
  }
  return (
    <div className="stack">
      <p className="muted" data-testid="roster-count">
        {rows.length} {rows.length === 1 ? 'patient' : 'patients'}
        {isAdmin ? ' in your clinic' : ' in your care'}
      </p>
      <RosterTable rows={rows} showTherapist={isAdmin} accounts={pendingAccounts ?? {}} />
      {summary ? <ClinicSummaryView summary={summary} audience={isAdmin ? 'clinic' : 'caseload'} /> : null}
    </div>
  );
}

function CaseloadSkeleton() {
  return (
    <Skeleton label="your patients">
      <SkeletonBar width="8rem" />
      <div className="card">
        {Array.from({ length: 6 }, (_, i) => (
          <SkeletonBar key={i} height={1.6} />
        ))}
      </div>
      <SkeletonCard height={10} />
    </Skeleton>
  );
}
