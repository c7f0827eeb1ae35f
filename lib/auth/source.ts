import { isIP } from 'node:net';
import type { RequestSource } from './types';

/** The client address and request id from request headers; anything malformed becomes null. */
export function sourceFromHeaders(headers: Headers): RequestSource {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? headers.get('x-real-ip')?.trim() ?? '';
  const ip = isIP(forwarded) ? forwarded : null;
  const rid = headers.get('x-request-id') ?? '';
  return { ip, requestId: /^[A-Za-z0-9-]{8,64}$/.test(rid) ? rid : null };
}
