'use client';
import { PAIN_ANCHORS } from '@/lib/format';

type Props = {
  name: string;
  legend: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
  optional?: boolean;
};

/** 0–10 numeric pain rating as a radio group, with anchor words at 0, 5 and 10. */
export function PainScale({ name, legend, value, onChange, error, optional = true }: Props) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend} {optional ? <span className="muted small">(optional)</span> : null}
      </legend>
      <div className="pain-scale">
        {Array.from({ length: 11 }, (_, n) => (
          <label key={n} title={PAIN_ANCHORS[n] ?? undefined}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} aria-label={`${n}${PAIN_ANCHORS[n] ? `, ${PAIN_ANCHORS[n]}` : ''}`} />
            <span aria-hidden="true">{n}</span>
          </label>
        ))}
      </div>
      <div className="pain-anchors" aria-hidden="true">
        <span>0 No pain</span>
        <span>5 Moderate</span>
        <span>10 Worst</span>
      </div>
      {value !== null && optional ? (
        <button type="button" className="button button-quiet small" onClick={() => onChange(null)} style={{ alignSelf: 'flex-start' }}>
          Clear
        </button>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
