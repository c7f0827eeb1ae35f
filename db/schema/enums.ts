import { pgEnum } from 'drizzle-orm/pg-core';

export const ROLES = ['patient', 'therapist', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum('role', ROLES);

export const EXERCISE_KINDS = ['stretch', 'myofascial_release', 'mobility', 'strengthening'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];
export const exerciseKindEnum = pgEnum('exercise_kind', EXERCISE_KINDS);

export const EQUIPMENT = ['none', 'strap', 'foam_roller', 'tennis_ball', 'wall', 'chair'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const SIDES = ['both', 'left', 'right', 'none'] as const;
export type Side = (typeof SIDES)[number];
export const sideEnum = pgEnum('side', SIDES);

export const PLAN_STATUSES = ['active', 'paused', 'completed', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const planStatusEnum = pgEnum('plan_status', PLAN_STATUSES);

export const READING_STATES = ['assigned', 'opened', 'read', 'understood'] as const;
export type ReadingState = (typeof READING_STATES)[number];
export const readingStateEnum = pgEnum('reading_state', READING_STATES);

export const DIFFICULTIES = ['too_easy', 'about_right', 'too_hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const difficultyEnum = pgEnum('difficulty', DIFFICULTIES);

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export const auditOutcomeEnum = pgEnum('audit_outcome', AUDIT_OUTCOMES);

export const RED_FLAGS = ['leg_numbness_or_weakness', 'bladder_or_bowel_control', 'after_fall_or_accident', 'fever'] as const;
export type RedFlag = (typeof RED_FLAGS)[number];
