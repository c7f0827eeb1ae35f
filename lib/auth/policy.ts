// The written access policy (role × resource × relationship). Pure and fail-closed: any
// role or relationship not listed here is denied. The DAL applies it to every patient read.
import type { Role } from '@/db/schema/enums';

export type PatientRelation = { id: string; clinicId: string; primaryTherapistId: string };
type Actor = { userId: string; role: Role; clinicId: string };

/**
 * patient   → only themself
 * therapist → patients of their clinic whose primary therapist they are
 * admin     → every patient of their clinic
 */
export function canAccessPatient(actor: Actor, patient: PatientRelation): boolean {
  if (patient.clinicId !== actor.clinicId) return false;
  switch (actor.role) {
    case 'patient':
      return patient.id === actor.userId;
    case 'therapist':
      return patient.primaryTherapistId === actor.userId;
    case 'admin':
      return true;
    default:
      return false;
  }
}

/** Only the patient logs their own sessions; clinicians never log on a patient's behalf. */
export function canLogSessionFor(actor: Actor, patient: PatientRelation): boolean {
  return actor.role === 'patient' && canAccessPatient(actor, patient);
}

export function isClinician(role: Role): boolean {
  return role === 'therapist' || role === 'admin';
}
