import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { listActiveTherapists } from '@/lib/dal/clinic-admin';
import { AddPatientForm } from './add-patient-form';

export const metadata: Metadata = { title: 'Add patient' };

const ZONE_SHAPE = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/;

export default async function AddPatientPage() {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const therapists = viewer.role === 'admin' ? await listActiveTherapists(viewer) : [];
  if (!therapists) notFound();
  const timeZones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => ZONE_SHAPE.test(z) && z !== 'UTC')];
  return (
    <div className="stack" style={{ maxWidth: '36rem' }}>
      <p className="small">
        <Link href="/caseload">← Caseload</Link>
      </p>
      <div>
        <h1>Add a patient</h1>
        <p className="muted">
          They get an email with a one-time link to choose their own password. The link works once and expires after 7 days.
        </p>
      </div>
      <div className="card">
        <AddPatientForm isAdmin={viewer.role === 'admin'} therapists={therapists} timeZones={timeZones} />
      </div>
    </div>
  );
}
