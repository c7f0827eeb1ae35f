/**
 * A server action's form argument as sent by anyone: the browser sends FormData, but an action is
 * an HTTP endpoint, and a crafted request can pass any serialisable value. Anything else becomes
 * an empty form, so the action answers with its usual "check the fields" state, never a crash.
 */
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
