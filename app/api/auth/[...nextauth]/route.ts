import { handler, jsonError } from '@/lib/http';

// next-auth only decodes the session cookie (lib/auth/config.ts). Its HTTP endpoints (sign-in
// callbacks, CSRF token, session JSON) are not a way in: signing in is POST /api/sign-in.
const notHere = handler(async () => jsonError(404, 'not_found', 'Not found.'));
export const GET = notHere;
export const POST = notHere;
