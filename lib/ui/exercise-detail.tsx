import type { ExerciseDetail } from '@/lib/dal/library';
import { describeDosage, EQUIPMENT_LABELS, KIND_LABELS } from '@/lib/format';
import { Markdown } from './markdown';

/** How to do one exercise: diagram, numbered steps, what it should feel like, cautions, when to stop. */
export function ExerciseDetailView({ exercise }: { exercise: ExerciseDetail }) {
  return (
    <div className="stack">
      {exercise.illustration ? (
        <div className="figure card" style={{ display: 'flex', justifyContent: 'center' }}>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={`/illustrations/${exercise.illustration}`} alt={exercise.illustrationAlt ?? ''} width={480} height={300} style={{ maxWidth: '30rem', width: '100%' }} />
        </div>
      ) : null}
      <p className="dosage">
        {KIND_LABELS[exercise.kind]} · {exercise.equipment.map((e) => EQUIPMENT_LABELS[e]).join(', ')} · usual dose:{' '}
        {describeDosage({ sets: exercise.defaultSets, reps: exercise.defaultReps, holdSeconds: exercise.defaultHoldSeconds, side: exercise.defaultSide })}
        {exercise.defaultRestSeconds ? `, rest ${exercise.defaultRestSeconds} s` : ''}
      </p>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">How to do it</h2>
        <ol className="steps">
          {exercise.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="feel-heading">
        <h2 id="feel-heading">What it should feel like</h2>
        <p>{exercise.feel}</p>
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="cautions-heading">
          <h2 id="cautions-heading">Take care</h2>
          <ul>
            {exercise.cautions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="stop-heading" style={{ borderColor: 'var(--danger)' }}>
          <h2 id="stop-heading">Stop if</h2>
          <ul>
            {exercise.stopIf.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      </div>
      {exercise.about ? <Markdown source={exercise.about} /> : null}
      <p className="small muted">
        Works on:{' '}
        {exercise.targets.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </p>
    </div>
  );
}
