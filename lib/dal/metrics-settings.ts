// How the metrics statements (lib/dal/metrics.ts) are run, shared with the benchmark so that it times
// them exactly as the app sends them.

/**
 * Generic plans, always. The roster and series statements are long CTE chains that take 3–4 ms to
 * plan, more than most of them take to run, and their plan does not depend on the parameter values
 * (every per-patient read is an index range scan behind an `offset 0` fence). Measured at the default
 * benchmark scale (5,000 patients, 9.1 M logs), per execution, generic vs custom: series 30 days 1.3
 * vs 4.6 ms, 90 days 1.8 vs 5.1, a year 4.3 vs 7.2, therapist roster 5.8 vs 9.3, clinic roster 62 vs 65.
 * The first execution on each pooled connection plans once; the plan is then reused.
 */
export const METRICS_PLAN_CACHE_MODE = 'force_generic_plan';

/**
 * One read-only snapshot (the roster numbers and the series of a patient agree with each other), JIT
 * off (the planner's cost for a clinic-wide roster can pass jit_above_cost, and compiling costs seconds).
 */
export const METRICS_TRANSACTION = `begin isolation level repeatable read read only; set local jit = off; set local plan_cache_mode = ${METRICS_PLAN_CACHE_MODE}`;
