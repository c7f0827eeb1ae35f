import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getPlanEditor } from '@/lib/dal/plans-edit';
import { formatLocalDate } from '@/lib/dates';
import { PlanBuilder } from './plan-builder';
import { PlanStatusControls } from './plan-status';

export const metadata: Metadata = { title: 'Plan' };

export default async function PlanPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<{ saved?: string | string[] }> }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const { patientId } = await params;
  const { saved } = await searchParams;
  const editor = await getPlanEditor(viewer, patientId);
  if (!editor) notFound();
  const { patient, plan, revisions, statusHistory } = editor;
  return (
    <div className="stack">
      <p className="small">
        <Link href={`/patients/${patient.id}`}>← {patient.name}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>Plan for {patient.name}</h1>
          <p className="muted">
            Their today: {formatLocalDate(patient.today)} ({patient.timeZone}). Each saved change becomes a new revision; past sessions stay linked to what was planned then.{' '}
            <Link href="/templates">Manage templates</Link>
          </p>
        </div>
        {plan ? <PlanStatusControls patientId={patient.id} planId={plan.id} status={plan.status} /> : null}
      </div>
      {/* Keyed by revision so the builder starts from the saved plan after each save. */}
      <PlanBuilder
        key={plan ? `${plan.id}:${plan.revision}:${plan.status}` : 'none'}
        saved={typeof saved === 'string' ? saved : undefined}
        patientId={patient.id} today={patient.today} plan={plan} templates={editor.templates} exercises={editor.exercises} />
      {plan ? (
        <div className="grid-2" style={{ alignItems: 'start' }}>
          <section className="card" aria-labelledby="revisions-heading">
            <h2 id="revisions-heading">Revision history</h2>
            <div className="table-wrap">
              <table data-testid="revision-history">
                <caption className="visually-hidden">Plan revisions, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Rev.</th>
                    <th scope="col">From</th>
                    <th scope="col">Change</th>
                    <th scope="col">By</th>
                  </tr>
                </thead>
                <tbody>
                  {revisions.map((r) => (
                    <tr key={r.revision}>
                      <th scope="row">{r.revision}</th>
                      <td>{formatLocalDate(r.effectiveDate)}</td>
                      <td>
                        {r.summary ?? '–'} <span className="muted small">({r.itemCount} exercises)</span>
                      </td>
                      <td>{r.createdBy}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading">Status history</h2>
            <ul>
              {statusHistory.map((s, i) => (
                <li key={i}>
                  <span className={`badge badge-${s.status}`}>{s.status}</span> from {formatLocalDate(s.effectiveDate)} · {s.changedBy}
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
    </div>
  );
}
