import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { AUDIT_ACTION_FAMILIES, getAuditFilterOptions, listAuditEvents } from '@/lib/dal/audit-log';
import { AUDIT_PAGE_SIZE, auditFilterSchema } from '@/lib/validation/admin';
import { fieldErrors } from '@/lib/validation/fields';

export const metadata: Metadata = { title: 'Audit log' };

const FILTER_KEYS = ['patientId', 'actorId', 'action', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const FILTER_LABELS: Record<string, string> = { patientId: 'Patient', actorId: 'Who', action: 'Action', from: 'From', to: 'To', page: 'Page' };

function describeDetail(detail: Record<string, string | number | boolean | null> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer({ roles: ['admin'] });
  const params = await searchParams;
  const raw: Record<string, string> = {};
  for (const key of [...FILTER_KEYS, 'page'] as const) {
    const v = params[key];
    if (typeof v === 'string' && v !== '') raw[key] = v;
  }
  const options = await getAuditFilterOptions(viewer);
  if (!options) notFound();
  const parsed = auditFilterSchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const result = parsed.success ? await listAuditEvents(viewer, raw) : null;
  if (parsed.success && !result) notFound();
  const patients = options.people.filter((p) => p.role === 'patient');
  const staff = options.people.filter((p) => p.role !== 'patient');
  const value = (key: FilterKey) => raw[key] ?? '';
  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    for (const key of FILTER_KEYS) if (raw[key]) q.set(key, raw[key]);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return s ? `/admin/audit?${s}` : '/admin/audit';
  };
  const err = (key: string) => errors[key]?.[0];
  return (
    <div className="stack">
      <div>
        <h1>Audit log</h1>
        <p className="muted">Every read and write of patient data in your clinic, newest first. Times are UTC.</p>
      </div>
      <form method="get" className="filters card" aria-label="Filter the audit log" noValidate>
        <div className="field">
          <label htmlFor="f-patient">Patient</label>
          <select id="f-patient" name="patientId" className="select" defaultValue={value('patientId')} aria-invalid={err('patientId') ? true : undefined}>
            <option value="">Any patient</option>
            {patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-actor">Who</label>
          <select id="f-actor" name="actorId" className="select" defaultValue={value('actorId')} aria-invalid={err('actorId') ? true : undefined}>
            <option value="">Anyone</option>
            <optgroup label="Staff">
              {staff.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Patients">
              {patients.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-action">Action</label>
          <input id="f-action" name="action" className="input" list="audit-actions" placeholder="e.g. invitation" defaultValue={value('action')} aria-invalid={err('action') ? true : undefined} aria-describedby={err('action') ? 'f-action-error' : undefined} />
          <datalist id="audit-actions">
            {AUDIT_ACTION_FAMILIES.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          {err('action') ? (
            <p id="f-action-error" className="field-error">
              Action {err('action')}.
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="f-from">From</label>
          <input id="f-from" name="from" type="date" className="input" defaultValue={value('from')} aria-invalid={err('from') ? true : undefined} aria-describedby={err('from') ? 'f-from-error' : undefined} />
          {err('from') ? (
            <p id="f-from-error" className="field-error">
              From {err('from')}.
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="f-to">To</label>
          <input id="f-to" name="to" type="date" className="input" defaultValue={value('to')} aria-invalid={err('to') ? true : undefined} aria-describedby={err('to') ? 'f-to-error' : undefined} />
          {err('to') ? (
            <p id="f-to-error" className="field-error">
              To {err('to')}.
            </p>
          ) : null}
        </div>
        <div className="inline-actions">
          <button type="submit" className="button">
            Filter
          </button>
          <Link href="/admin/audit" className="button button-quiet">
            Clear
          </Link>
        </div>
      </form>
      {!parsed.success ? (
        <p className="form-error" role="alert">
          Some filters are not valid: {Object.keys(errors).map((k) => FILTER_LABELS[k] ?? k).join(', ')}. Fix them and filter again.
        </p>
      ) : result && result.rows.length === 0 ? (
        <div className="card empty-state">
          <h2>No matching events</h2>
          <p className="muted">Try a wider date range or fewer filters.</p>
        </div>
      ) : result ? (
        <>
          <div className="table-wrap" role="region" aria-label="Audit events" tabIndex={0}>
            <table className="admin-table" data-testid="audit-table">
              <caption className="visually-hidden">Audit events, newest first, page {result.page}</caption>
              <thead>
                <tr>
                  <th scope="col">Time (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Patient</th>
                  <th scope="col">From</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.id} data-testid="audit-row">
                    <td className="mono" style={{ whiteSpace: 'nowrap' }}>
                      {r.at}
                    </td>
                    <td className="nowrap">
                      {r.actorName ?? <span className="muted">{r.actorRole ? 'Outside the clinic' : 'Unknown'}</span>}
                      {r.actorRole ? <div className="muted small">{r.actorRole}</div> : null}
                    </td>
                    <td className="mono">{r.action}</td>
                    <td>
                      <span className={r.outcome === 'allowed' ? 'badge badge-active' : r.outcome === 'denied' ? 'badge badge-danger' : 'badge badge-paused'}>{r.outcome}</span>
                    </td>
                    <td className="nowrap">{r.patientName ?? (r.patientId ? <span className="muted mono">{r.patientId.slice(0, 8)}…</span> : <span className="muted">–</span>)}</td>
                    <td className="mono">{r.sourceIp ?? '–'}</td>
                    <td style={{ minWidth: '14rem' }}>
                      <p className="detail-list">{describeDetail(r.detail)}</p>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Audit log pages">
            {result.page > 1 ? (
              <Link href={pageHref(result.page - 1)} className="button button-secondary" rel="prev">
                ← Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="muted small">
              Page {result.page} · rows {(result.page - 1) * AUDIT_PAGE_SIZE + 1}–{(result.page - 1) * AUDIT_PAGE_SIZE + result.rows.length}
            </span>
            {result.hasNext ? (
              <Link href={pageHref(result.page + 1)} className="button button-secondary" rel="next">
                Next →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </>
      ) : null}
    </div>
  );
}
