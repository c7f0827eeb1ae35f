import { describe, expect, it } from 'vitest';
import type { Role } from '@/db/schema/enums';
import { canAccessPatient, canLogSessionFor, isClinician, type PatientRelation } from './policy';

const CLINIC = 'clinic-a';
const OTHER_CLINIC = 'clinic-b';
const ME = 'user-me';
const SOMEONE = 'user-someone';

type Relationship = 'self' | 'my_patient' | 'colleague_patient' | 'self_in_other_clinic' | 'my_patient_in_other_clinic' | 'other_clinic_patient';

/** The patient row as seen from the actor (id ME, clinic CLINIC). */
const PATIENTS: Record<Relationship, PatientRelation> = {
  // The actor's own patient row (only meaningful for a patient actor).
  self: { id: ME, clinicId: CLINIC, primaryTherapistId: SOMEONE },
  // A patient of the actor's clinic whose primary therapist is the actor.
  my_patient: { id: 'patient-1', clinicId: CLINIC, primaryTherapistId: ME },
  // A patient of the actor's clinic with another primary therapist.
  colleague_patient: { id: 'patient-2', clinicId: CLINIC, primaryTherapistId: SOMEONE },
  // Same ids in another clinic: the clinic must still match.
  self_in_other_clinic: { id: ME, clinicId: OTHER_CLINIC, primaryTherapistId: SOMEONE },
  my_patient_in_other_clinic: { id: 'patient-3', clinicId: OTHER_CLINIC, primaryTherapistId: ME },
  other_clinic_patient: { id: 'patient-4', clinicId: OTHER_CLINIC, primaryTherapistId: SOMEONE },
};

const actor = (role: Role) => ({ userId: ME, role, clinicId: CLINIC });

// role × relationship → [canAccessPatient, canLogSessionFor]
const TABLE: [Role, Relationship, boolean, boolean][] = [
  ['patient', 'self', true, true],
  ['patient', 'my_patient', false, false],
  ['patient', 'colleague_patient', false, false],
  ['patient', 'self_in_other_clinic', false, false],
  ['patient', 'my_patient_in_other_clinic', false, false],
  ['patient', 'other_clinic_patient', false, false],

  ['therapist', 'self', false, false],
  ['therapist', 'my_patient', true, false],
  ['therapist', 'colleague_patient', false, false],
  ['therapist', 'self_in_other_clinic', false, false],
  ['therapist', 'my_patient_in_other_clinic', false, false],
  ['therapist', 'other_clinic_patient', false, false],

  ['admin', 'self', true, false],
  ['admin', 'my_patient', true, false],
  ['admin', 'colleague_patient', true, false],
  ['admin', 'self_in_other_clinic', false, false],
  ['admin', 'my_patient_in_other_clinic', false, false],
  ['admin', 'other_clinic_patient', false, false],
];

describe('canAccessPatient', () => {
  it.each(TABLE)('%s → %s: %s', (role, relationship, expected) => {
    expect(canAccessPatient(actor(role), PATIENTS[relationship])).toBe(expected);
  });

  it.each(Object.keys(PATIENTS) as Relationship[])('denies an unknown role for %s (fail closed)', (relationship) => {
    expect(canAccessPatient({ userId: ME, role: 'superuser' as unknown as Role, clinicId: CLINIC }, PATIENTS[relationship])).toBe(false);
    expect(canAccessPatient({ userId: ME, role: '' as unknown as Role, clinicId: CLINIC }, PATIENTS[relationship])).toBe(false);
  });
});

describe('canLogSessionFor', () => {
  it.each(TABLE)('%s → %s: access %s, log %s', (role, relationship, _access, expected) => {
    expect(canLogSessionFor(actor(role), PATIENTS[relationship])).toBe(expected);
  });

  it.each(Object.keys(PATIENTS) as Relationship[])('denies an unknown role for %s (fail closed)', (relationship) => {
    expect(canLogSessionFor({ userId: ME, role: 'superuser' as unknown as Role, clinicId: CLINIC }, PATIENTS[relationship])).toBe(false);
  });
});

describe('isClinician', () => {
  it('is true for therapists and admins only', () => {
    expect(isClinician('therapist')).toBe(true);
    expect(isClinician('admin')).toBe(true);
    expect(isClinician('patient')).toBe(false);
    expect(isClinician('root' as unknown as Role)).toBe(false);
  });
});
