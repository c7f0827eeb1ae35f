import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';

// Optimistic redirects only: a request without a session cookie is sent to /login. It never
// authorizes anything (a stale or forged cookie passes here); every page, action and route
// handler resolves the viewer from the server-side session in the DAL.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export default function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = new URL('/login', request.nextUrl);
  const path = request.nextUrl.pathname;
  if (path !== '/') url.searchParams.set('next', path);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!api/|login|invite/|_next/static|_next/image|illustrations/|favicon.ico|robots.txt).*)'],
};
