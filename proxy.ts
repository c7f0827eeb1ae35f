import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { API_CSP, createNonce, pageCsp } from '@/lib/security/csp';
import { isSameOrigin, requestIdFrom, SAFE_METHODS } from '@/lib/security/request-origin';

// Runs before every request except static files. Three jobs, none of them authorization (every
// page, action and route handler resolves the viewer from the server-side session in the DAL):
// 1. Mutations (any method but GET/HEAD/OPTIONS, pages' server actions included) must carry a
//    same-site Origin; anything else is refused with 403 before the app sees it.
// 2. A fresh CSP nonce per response: Next reads it from the request's CSP header and puts it on
//    its scripts; the same policy goes on the response. API responses get a nothing-loads policy.
// 3. Optimistic redirect: a page request without a session cookie goes to /login.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const PUBLIC_PAGES = [/^\/login$/, /^\/invite\//];

export default function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const requestId = requestIdFrom(request.headers);
  const isApi = path.startsWith('/api/');
  const nonce = createNonce();
  const csp = isApi ? API_CSP : pageCsp(nonce, { dev: process.env.NODE_ENV === 'development' });

  if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request.headers)) {
    const refused = NextResponse.json(
      { error: { code: 'forbidden', message: 'This request must come from a Limber page (missing or cross-site Origin).' }, requestId },
      { status: 403, headers: { 'Cache-Control': 'no-store', 'Content-Security-Policy': API_CSP, 'X-Request-Id': requestId } },
    );
    return refused;
  }

  if (!isApi && !PUBLIC_PAGES.some((p) => p.test(path)) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL('/login', request.nextUrl);
    if (path !== '/') url.searchParams.set('next', path);
    const redirect = NextResponse.redirect(url);
    redirect.headers.set('Content-Security-Policy', csp);
    redirect.headers.set('X-Request-Id', requestId);
    return redirect;
  }

  const forwarded = new Headers(request.headers);
  forwarded.set('x-request-id', requestId);
  forwarded.set('x-nonce', nonce);
  forwarded.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Request-Id', requestId);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|illustrations/|favicon.ico|robots.txt).*)'],
};
