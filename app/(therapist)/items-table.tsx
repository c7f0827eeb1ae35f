'use client';
import { useState } from 'react';
import { SIDES, type Side } from '@/db/schema/enums';
import type { LibraryExercise } from '@/lib/dal/library';
import { WEEKDAY_SHORT } from '@/lib/dates';
import { KIND_LABELS } from '@/lib/format';
import { PLAN_ITEMS_WARNING } from '@/lib/validation/plans';

export type Row = { rowId: string; itemKey: string | null; exerciseId: string; sets: string; reps: string; holdSeconds: string; side: Side; sessionsPerDay: string; daysOfWeek: number[] };
export type Errors = Record<string, string[]>;

const SIDE_LABELS: Record<Side, string> = { both: 'Each side', left: 'Left', right: 'Right', none: 'n/a' };
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
let rowCounter = 0;
const newRowId = () => `row-${++rowCounter}`;

export function rowFrom(item: { itemKey?: string | null; exerciseId: string; sets: number; reps: number; holdSeconds: number; side: Side; sessionsPerDay: number; daysOfWeek: number[] }): Row {
  return {
    rowId: newRowId(),
    itemKey: item.itemKey ?? null,
    exerciseId: item.exerciseId,
    sets: String(item.sets),
    reps: String(item.reps),
    holdSeconds: String(item.holdSeconds),
    side: item.side,
    sessionsPerDay: String(item.sessionsPerDay),
    daysOfWeek: [...item.daysOfWeek],
  };
}

/** A row as the shared zod schema expects it (numbers typed as text stay NaN and fail validation). */
export function rowToItem(r: Row) {
  return { exerciseId: r.exerciseId, sets: num(r.sets), reps: num(r.reps), holdSeconds: num(r.holdSeconds), side: r.side, sessionsPerDay: num(r.sessionsPerDay), daysOfWeek: r.daysOfWeek };
}

type TableProps = { rows: Row[]; setRows: (update: (prev: Row[]) => Row[]) => void; exercises: LibraryExercise[]; errors: Errors };

/** The exercises of a plan or template: dosage, schedule, order; errors next to each cell. */
export function ItemsTable({ rows, setRows, exercises, errors }: TableProps) {
  const [adding, setAdding] = useState('');
  const exerciseById = new Map(exercises.map((e) => [e.id, e]));
  const err = (key: string) => errors[key]?.[0];
  const id = 'items';

  function update(rowId: string, patch: Partial<Row>) {
    setRows((prev) => prev.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  }

  function move(index: number, by: -1 | 1) {
    setRows((prev) => {
      const next = [...prev];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  }

  function addExercise() {
    const exercise = exerciseById.get(adding);
    if (!exercise) return;
    setRows((prev) => [
      ...prev,
      rowFrom({ exerciseId: exercise.id, sets: exercise.defaultSets, reps: exercise.defaultReps, holdSeconds: exercise.defaultHoldSeconds, side: exercise.defaultSide, sessionsPerDay: 1, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] }),
    ]);
    setAdding('');
  }

  return (
    <>
      {rows.length > PLAN_ITEMS_WARNING ? (
          <p className="badge badge-paused" role="status" style={{ whiteSpace: 'normal', display: 'block', borderRadius: 8, padding: '0.5rem 0.75rem' }}>
            {rows.length} exercises: long plans are often not finished. Consider {PLAN_ITEMS_WARNING} or fewer.
          </p>
        ) : null}
        {err('items') ? <p className="field-error">Exercises: {err('items')}.</p> : null}
        <div className="table-wrap">
          <table className="plan-table" data-testid="plan-builder-items">
            <caption className="visually-hidden">Exercises in the plan with dosage and schedule</caption>
            <thead>
              <tr>
                <th scope="col">Exercise</th>
                <th scope="col">Sets</th>
                <th scope="col">Reps</th>
                <th scope="col">Hold (s)</th>
                <th scope="col">Side</th>
                <th scope="col">Per day</th>
                <th scope="col">Days</th>
                <th scope="col">
                  <span className="visually-hidden">Order and remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const name = exerciseById.get(row.exerciseId)?.name ?? 'Exercise';
                const numberCell = (key: 'sets' | 'reps' | 'holdSeconds' | 'sessionsPerDay', label: string) => {
                  const e = err(`items.${index}.${key}`);
                  return (
                    <td>
                      <input
                        className="input input-narrow"
                        inputMode="numeric"
                        aria-label={`${label} for ${name}`}
                        value={row[key]}
                        onChange={(ev) => update(row.rowId, { [key]: ev.target.value })}
                        aria-invalid={e ? true : undefined}
                        aria-describedby={e ? `${row.rowId}-${key}-error` : undefined}
                      />
                      {e ? (
                        <span id={`${row.rowId}-${key}-error`} className="field-error small" style={{ display: 'block' }}>
                          {e}
                        </span>
                      ) : null}
                    </td>
                  );
                };
                const daysError = err(`items.${index}.daysOfWeek`);
                return (
                  <tr key={row.rowId}>
                    <th scope="row">
                      {name}
                      {err(`items.${index}.exerciseId`) ? <span className="field-error small" style={{ display: 'block' }}>{err(`items.${index}.exerciseId`)}</span> : null}
                    </th>
                    {numberCell('sets', 'Sets')}
                    {numberCell('reps', 'Reps')}
                    {numberCell('holdSeconds', 'Hold seconds')}
                    <td>
                      <select className="select input-narrow" aria-label={`Side for ${name}`} value={row.side} onChange={(e) => update(row.rowId, { side: e.target.value as Side })}>
                        {SIDES.map((s) => (
                          <option key={s} value={s}>
                            {SIDE_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    </td>
                    {numberCell('sessionsPerDay', 'Sessions per day')}
                    <td>
                      <fieldset className="days" aria-describedby={daysError ? `${row.rowId}-days-error` : undefined}>
                        <legend className="visually-hidden">Days for {name}</legend>
                        {WEEKDAY_SHORT.map((label, d) => (
                          <label key={label} title={label}>
                            <input
                              type="checkbox"
                              checked={row.daysOfWeek.includes(d + 1)}
                              onChange={(e) => update(row.rowId, { daysOfWeek: e.target.checked ? [...row.daysOfWeek, d + 1].sort((a, b) => a - b) : row.daysOfWeek.filter((x) => x !== d + 1) })}
                            />
                            <span>{label[0]}</span>
                            <span className="visually-hidden">{label}</span>
                          </label>
                        ))}
                      </fieldset>
                      {daysError ? (
                        <span id={`${row.rowId}-days-error`} className="field-error small" style={{ display: 'block' }}>
                          {daysError}
                        </span>
                      ) : null}
                    </td>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      <button type="button" className="button button-quiet" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                        ↑
                      </button>
                      <button type="button" className="button button-quiet" aria-label={`Move ${name} down`} disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                        ↓
                      </button>
                      <button type="button" className="button button-quiet" aria-label={`Remove ${name}`} onClick={() => setRows((prev) => prev.filter((r) => r.rowId !== row.rowId))}>
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={8} className="muted">
                    No exercises yet: pick a template above or add exercises below.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <div className="progress-line" style={{ marginTop: '0.75rem' }}>
          <label htmlFor={`${id}-add`} className="visually-hidden">
            Exercise to add
          </label>
          <select id={`${id}-add`} className="select" style={{ maxWidth: '22rem' }} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose an exercise to add…</option>
            {(['stretch', 'mobility', 'myofascial_release', 'strengthening'] as const).map((kind) => (
              <optgroup key={kind} label={KIND_LABELS[kind]}>
                {exercises
                  .filter((e) => e.kind === kind)
                  .map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <button type="button" className="button button-secondary" onClick={addExercise} disabled={!adding}>
            Add exercise
          </button>
        </div>
    </>
  );
}
