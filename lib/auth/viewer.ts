import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/db/schema/enums';
import { resolveSession } from '@/lib/dal/sessions';
import { auth } from './config';
import { sourceFromHeaders } from './source';
import type { Viewer } from './types';

/** The signed-in viewer for this request (cached per request), or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return resolveSession(session.sessionId, sourceFromHeaders(await headers()));
});

export function homePathFor(role: Role): string {
  return role === 'patient' ? '/today' : '/caseload';
}

/** For pages and layouts: signed out → /login; a role that does not belong here → its own home. */
export async function requireViewer(options: { roles: readonly Role[] }): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
  if (!options.roles.includes(viewer.role)) redirect(homePathFor(viewer.role));
  return viewer;
}
