'use client';
import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import type { AccountStatus } from '@/lib/dal/invitations';
import type { RosterRow } from '@/lib/dal/metrics-types';
import { AccountStatusBadge } from '@/lib/ui/account-status';
import { NoValue } from './chart-card';
import { ALERT_LABELS, alertBadgeClass, formatPain, formatPercent, monitoringTier, painTrend, shortDate } from './format';
import { DEFAULT_ROSTER_SORT, EMPTY_ROSTER_FILTER, filterRoster, nextSort, sortRoster, therapistsOf, type RosterSort, type RosterSortKey } from './roster';

type Props = {
  rows: RosterRow[];
  showTherapist: boolean;
  /** Patients whose account is not active yet (invitation pending, expired…). */
  accounts: Record<string, AccountStatus>;
};

const COLUMN_LABELS: Record<RosterSortKey, string> = {
  name: 'Patient',
  alerts: 'Alerts',
  adherence7: 'Adh. 7 d',
  adherence30: 'Adh. 30 d',
  painNow: 'Pain',
  readingCompletion: 'Reading',
  lastActivity: 'Last activity',
  monitoringDays: 'Mon. days',
  therapistName: 'Therapist',
};

const FULL_LABELS: Partial<Record<RosterSortKey, string>> = {
  adherence7: 'Adherence, last 7 days',
  adherence30: 'Adherence, last 30 days',
  painNow: 'Pain now, against baseline',
  readingCompletion: 'Reading completion',
  monitoringDays: 'Monitoring days in 30',
};

const percent = (v: number | null, low = false) => (v === null ? <NoValue /> : <span className={low && v < 0.5 ? 'num-low' : undefined}>{formatPercent(v)}</span>);

/** The caseload roster: sortable by every column (red flags first by default) and filterable. */
export function RosterTable({ rows, showTherapist, accounts }: Props) {
  const id = useId();
  const [sort, setSort] = useState<RosterSort>(DEFAULT_ROSTER_SORT);
  const [filter, setFilter] = useState(EMPTY_ROSTER_FILTER);
  const therapists = useMemo(() => therapistsOf(rows), [rows]);
  const visible = useMemo(() => sortRoster(filterRoster(rows, filter), sort), [rows, filter, sort]);
  const columns: RosterSortKey[] = ['name', 'alerts', 'adherence7', 'adherence30', 'painNow', 'readingCompletion', 'lastActivity', 'monitoringDays', ...(showTherapist ? (['therapistName'] as const) : [])];
  const sortedBy = `${FULL_LABELS[sort.key] ?? COLUMN_LABELS[sort.key]}, ${sort.direction}`;

  return (
    <>
      <div className="filters roster-filters" role="search" aria-label="Filter patients">
        <div className="field">
          <label htmlFor={`${id}-q`}>Find a patient</label>
          <input id={`${id}-q`} className="input" type="search" autoComplete="off" value={filter.query} onChange={(e) => setFilter({ ...filter, query: e.target.value })} />
        </div>
        {showTherapist ? (
          <div className="field">
            <label htmlFor={`${id}-t`}>Therapist</label>
            <select id={`${id}-t`} className="select" value={filter.therapist} onChange={(e) => setFilter({ ...filter, therapist: e.target.value })}>
              <option value="">All therapists</option>
              {therapists.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label className="check-inline">
          <input type="checkbox" checked={filter.alertsOnly} onChange={(e) => setFilter({ ...filter, alertsOnly: e.target.checked })} />
          Alerts only
        </label>
        <p className="muted small roster-count" role="status">
          {visible.length === rows.length ? `${rows.length} patients` : `Showing ${visible.length} of ${rows.length} patients`}, sorted by {sortedBy.toLowerCase()}
        </p>
      </div>
      {/* One element holds one data-testid: roster-table wraps exactly the table that keeps caseload-table. */}
      <div className="table-wrap" data-testid="roster-table">
        <table data-testid="caseload-table" className="roster-table">
          <caption className="visually-hidden">Patients with adherence, pain, reading, activity, monitoring days and alerts. Column headers sort the table.</caption>
          <thead>
            <tr>
              {columns.map((key) => {
                const active = sort.key === key;
                const full = FULL_LABELS[key];
                return (
                  <th key={key} scope="col" aria-sort={active ? sort.direction : undefined} className={key === 'name' || key === 'alerts' || key === 'therapistName' || key === 'lastActivity' ? undefined : 'num'}>
                    <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, key))} title={full}>
                      {full ? (
                        <>
                          <span aria-hidden="true">{COLUMN_LABELS[key]}</span>
                          <span className="visually-hidden">{full}</span>
                        </>
                      ) : (
                        COLUMN_LABELS[key]
                      )}
                      <span className={active ? 'sort-icon sort-icon-active' : 'sort-icon'} aria-hidden="true">
                        {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="muted">
                  No patients match these filters.
                </td>
              </tr>
            ) : null}
            {visible.map((r) => {
              const trend = painTrend(r.painChange);
              const tier = monitoringTier(r.monitoringDays);
              const account = accounts[r.patientId];
              return (
                <tr key={r.patientId} className={r.alerts.some((a) => a.kind === 'red_flag') ? 'row-red-flag' : undefined}>
                  <th scope="row">
                    <Link href={`/patients/${r.patientId}`}>{r.name}</Link>
                    {account ? (
                      <>
                        {' '}
                        <AccountStatusBadge status={account} />
                      </>
                    ) : null}
                    <span className="cell-sub">{r.planTitle ?? 'No plan'}</span>
                  </th>
                  <td className="cell-alerts">
                    {r.alerts.length === 0 ? (
                      <span className="muted">–</span>
                    ) : (
                      <ul className="alert-list">
                        {r.alerts.map((a, i) => (
                          <li key={`${a.kind}-${i}`}>
                            <span className={alertBadgeClass(a.kind)}>{ALERT_LABELS[a.kind]}</span> <span className="cell-sub cell-reason">{a.reason}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="num">{percent(r.adherence7, true)}</td>
                  <td className="num">{percent(r.adherence30, true)}</td>
                  <td className="num">
                    {r.painNow === null ? <NoValue /> : <strong>{formatPain(r.painNow)}</strong>}
                    {trend ? (
                      <span className={`trend trend-${trend.tone}`} title={trend.label}>
                        {' '}
                        <span aria-hidden="true">{trend.arrow}</span>
                      </span>
                    ) : null}
                    <span className="cell-sub">
                      {r.painBaseline === null ? 'no baseline' : `from ${formatPain(r.painBaseline)}`}
                      {trend ? <span className={`trend-word trend-${trend.tone}`}>, {trend.label}</span> : null}
                    </span>
                  </td>
                  <td className="num">{percent(r.readingCompletion)}</td>
                  <td className="nowrap">{r.lastActivity ? shortDate(r.lastActivity) : <span className="muted">None yet</span>}</td>
                  <td className="num nowrap">
                    {r.monitoringDays}{tier ? <span className="tag tag-tier">{tier}</span> : null}
                  </td>
                  {showTherapist ? <td>{r.therapistName}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
