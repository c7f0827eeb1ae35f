import type { SeriesStyle } from './config';

export type LegendItem = SeriesStyle & { kind: 'bar' | 'bar-partial' | 'line' | 'dots' | 'band' | 'square' };

/** A legend in HTML (so it wraps on phones); each swatch differs in shape, not only colour. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="22" height="12" viewBox="0 0 22 12" focusable="false">
            {item.kind === 'bar' ? <rect x="3" y="1" width="16" height="10" rx="2" fill={item.color} /> : null}
            {item.kind === 'bar-partial' ? <rect x="3.5" y="1.5" width="15" height="9" rx="2" fill={item.color} stroke="#0f766e" strokeDasharray="3 2" /> : null}
            {item.kind === 'band' ? <rect x="1" y="1" width="20" height="10" fill={item.color} /> : null}
            {item.kind === 'line' ? <line x1="1" y1="6" x2="21" y2="6" stroke={item.color} strokeWidth="3" strokeDasharray={item.dash} /> : null}
            {item.kind === 'dots' ? (
              <>
                <line x1="1" y1="6" x2="21" y2="6" stroke={item.color} strokeWidth="1" />
                <circle cx="11" cy="6" r="3" fill={item.color} />
              </>
            ) : null}
            {item.kind === 'square' ? (
              <>
                <line x1="1" y1="6" x2="21" y2="6" stroke={item.color} strokeWidth="2" strokeDasharray={item.dash} />
                <rect x="7.5" y="2.5" width="7" height="7" fill={item.color} />
              </>
            ) : null}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
