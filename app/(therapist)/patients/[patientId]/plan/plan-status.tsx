'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { PlanStatus } from '@/db/schema/enums';
import { PLAN_TRANSITIONS } from '@/lib/validation/plans';
import { setPlanStatusAction } from './actions';

const VERB: Record<PlanStatus, string> = { active: 'Resume', paused: 'Pause', completed: 'Mark completed', archived: 'Archive' };

/** Pause, resume, complete or archive the plan; only the moves allowed from its current status. */
export function PlanStatusControls({ patientId, planId, status }: { patientId: string; planId: string; status: PlanStatus }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="progress-line" aria-label="Plan status">
      <span className={`badge badge-${status}`}>{status}</span>
      {PLAN_TRANSITIONS[status].map((next) => (
        <button
          key={next}
          type="button"
          className="button button-secondary"
          disabled={pending}
          onClick={() => {
            if ((next === 'archived' || next === 'completed') && !window.confirm(`${VERB[next]} this plan? The patient will no longer see it on Today.`)) return;
            startTransition(async () => {
              const result = await setPlanStatusAction(patientId, { planId, status: next });
              setError(result.ok ? null : result.message);
              router.refresh();
            });
          }}
        >
          {VERB[next]}
        </button>
      ))}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
