import { z } from 'zod';
import { isValidTimeZone } from '@/lib/dates';

/** 0–10 numeric pain rating scale (NPRS). */
export const painScore = z.number({ error: 'must be a whole number from 0 to 10' }).int('must be a whole number from 0 to 10').min(0, 'must be 0 or more').max(10, 'must be 10 or less');

export const uuidField = z.uuid({ error: 'must be a valid id' });

export const timeZoneField = z.string().refine(isValidTimeZone, 'must be a time zone such as Europe/London');

/** The flattened field errors of a zod error: { field: [messages] } (all of them, not only the first). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  // Collected in a Map: a field named "constructor", "toString" or "__proto__" is just a key here.
  // The result is a plain object (server components can only pass plain objects to the client).
  const out = new Map<string, string[]>();
  const add = (key: string, message: string) => out.set(key, [...(out.get(key) ?? []), message]);
  for (const issue of error.issues) {
    // An unknown field (e.g. a forged patientId) is named itself, not lumped under the object.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), 'is not an accepted field');
      continue;
    }
    add(issue.path.length ? issue.path.join('.') : '_', issue.message);
  }
  return Object.fromEntries(out);
}
