// Reads what a response means in the terms of routes.ts (ok, notFound, toLogin, toHome, refused).
import type { Outcome, RouteSpec } from '../routes';
import { actionResult, type Sent } from './calls';

export type Observed = Outcome | `error ${number}` | 'unclear';

const HOMES = ['/today', '/caseload'];
const pathOf = (location: string) => new URL(location, 'http://x').pathname;

/** The outcome a response shows. For actions whose result says nothing (void actions), `wrote` decides. */
export function observe(spec: RouteSpec, sent: Sent, wrote?: boolean): Observed {
  if (sent.status >= 500) return `error ${sent.status}`;
  if (sent.status >= 300 && sent.status < 400 && sent.location) {
    const path = pathOf(sent.location);
    if (path === '/login') return 'toLogin';
    if (spec.kind === 'action') return 'ok'; // a form post's redirect after success
    return 'toHome';
  }
  if (spec.kind === 'route') {
    if (sent.status === 401 && spec.audience !== 'public') return 'toLogin';
    // A 404 is a denial unless the route is listed as refusing everyone (next-auth's endpoints).
    if (sent.status === 404) return spec.override ? 'refused' : 'notFound';
    if (sent.status >= 400) return 'refused';
    return 'ok';
  }
  if (spec.kind === 'page') {
    if (sent.status === 404) return 'notFound';
    if (sent.status === 200) return 'ok';
    return sent.status >= 400 ? 'refused' : 'unclear';
  }
  // Server actions
  if (sent.status === 404) return 'notFound';
  if (sent.status >= 400) return 'refused';
  if (sent.actionRedirect) {
    const path = pathOf(sent.actionRedirect.split(';')[0] ?? '');
    if (path === '/login') return 'toLogin';
    if (HOMES.includes(path)) return 'toHome';
    return 'ok';
  }
  const result = actionResult(sent.body);
  if (result && typeof result === 'object') {
    const r = result as { ok?: unknown; error?: unknown; closed?: unknown; fieldErrors?: unknown };
    if (r.ok === false || typeof r.error === 'string' || r.closed === true || r.fieldErrors) return 'notFound';
    return 'ok';
  }
  if (wrote === undefined) return 'unclear';
  return wrote ? 'ok' : 'notFound';
}
