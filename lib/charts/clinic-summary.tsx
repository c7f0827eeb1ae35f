'use client';
import type { ClinicSummary, PainChange } from '@/lib/dal/metrics-types';
import { clinicSummarySentence, PAIN_TREND } from './format';
import { ClinicAdherenceBars } from './lazy';

const PAIN_ROWS: (PainChange | 'no data')[] = ['worsening', 'stable', 'improving', 'no data'];

/** Clinic (admin) or caseload (therapist) overview: adherence distribution and pain change counts. */
export function ClinicSummaryView({ summary, audience }: { summary: ClinicSummary; audience: 'clinic' | 'caseload' }) {
  const total = summary.adherenceDistribution.reduce((s, b) => s + b.patients, 0);
  const max = Math.max(1, ...PAIN_ROWS.map((k) => summary.painChange[k]));
  return (
    <section className="card" aria-labelledby="clinic-summary-h" data-testid="clinic-summary">
      <h2 id="clinic-summary-h">{audience === 'clinic' ? 'Clinic overview' : 'Caseload overview'}</h2>
      <p className="chart-summary" data-testid="chart-summary">
        {clinicSummarySentence(summary, audience)}
      </p>
      {total > 0 ? (
        <div className="clinic-grid">
          <div>
            <h3 className="chart-title">Adherence, last 30 days</h3>
            <div className="chart-box chart-box-small" aria-hidden="true">
              <ClinicAdherenceBars distribution={summary.adherenceDistribution} />
            </div>
            <details className="chart-table">
              <summary>Show as a table</summary>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Patients per 30-day adherence band</caption>
                  <thead>
                    <tr>
                      <th scope="col">Adherence</th>
                      <th scope="col" className="num">
                        Patients
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.adherenceDistribution.map((b) => (
                      <tr key={b.bucket}>
                        <th scope="row">{b.bucket === 'no data' ? 'No data' : b.bucket}</th>
                        <td className="num">{b.patients}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </div>
          <div>
            <h3 className="chart-title">Pain against baseline</h3>
            <ul className="count-bars">
              {PAIN_ROWS.map((k) => {
                const n = summary.painChange[k];
                const trend = k === 'no data' ? null : PAIN_TREND[k];
                return (
                  <li key={k}>
                    <span className={trend ? `trend trend-${trend.tone}` : 'muted'}>
                      {trend ? <span aria-hidden="true">{trend.arrow} </span> : null}
                      {trend ? trend.label[0]!.toUpperCase() + trend.label.slice(1) : 'No pain data'}
                    </span>
                    <span className="count-bar-track" aria-hidden="true">
                      <span className={`count-bar count-bar-${trend?.tone ?? 'none'}`} style={{ width: `${(n / max) * 100}%` }} />
                    </span>
                    <span className="count-bar-value">{n}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        </div>
      ) : null}
    </section>
  );
}
