import { NextResponse } from 'next/server';
import { clearSessionCookies } from '@/lib/auth/session-cookie';
import { getViewer } from '@/lib/auth/viewer';
import { signOutViewer } from '@/lib/dal/sessions';
import { assertSameOrigin, handler } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * Sign-out: the server-side session is revoked (the cookie is useless from the next request on,
 * even if a copy survives), both cookie names are expired, and Clear-Site-Data tells the browser
 * to drop everything Limber stored: cache, cookies, local and session storage, IndexedDB.
 * A form post is redirected to the sign-in page; fetch with Accept: application/json gets JSON.
 */
export const POST = handler(async (request: Request) => {
  assertSameOrigin(request);
  const viewer = await getViewer();
  if (viewer) await signOutViewer(viewer);
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const response = wantsJson ? NextResponse.json({ ok: true }) : new NextResponse(null, { status: 303, headers: { Location: '/login?signed-out=1' } });
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('Clear-Site-Data', '"cache", "cookies", "storage"');
  clearSessionCookies(response);
  return response;
});
