import { NoValue } from './chart-card';
import { formatPercent } from './format';

export type AdherenceRow = { key: string; label: string; done: number; expected: number; value: number | null };

/** The text equivalent shared by every adherence chart: done of planned, and the share (or "no data"). */
export function AdherenceTable({ caption, labelHeader, rows, plannedHeader = 'Scheduled', shareHeader = 'Adherence' }: { caption: string; labelHeader: string; rows: AdherenceRow[]; plannedHeader?: string; shareHeader?: string }) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col" className="num">
            Done
          </th>
          <th scope="col" className="num">
            {plannedHeader}
          </th>
          <th scope="col" className="num">
            {shareHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.done}</td>
            <td className="num">{r.expected}</td>
            <td className="num">{r.value === null ? <NoValue /> : formatPercent(r.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Weekly rows, the partial week marked "(so far)". */
export function weekRows(weeks: { weekStart: string; done: number; expected: number; value: number | null; isPartial: boolean }[], label: (weekStart: string) => string): AdherenceRow[] {
  return weeks.map((w) => ({ key: w.weekStart, label: `${label(w.weekStart)}${w.isPartial ? ' (so far)' : ''}`, done: w.done, expected: w.expected, value: w.value }));
}
