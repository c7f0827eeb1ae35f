import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isSameOrigin, requestIdFrom, wantsSecureCookies } from './request-origin';

const h = (init: Record<string, string>) => new Headers(init);

describe('isSameOrigin', () => {
  it('accepts an Origin naming the addressed host', () => {
    expect(isSameOrigin(h({ host: 'limber.example', origin: 'https://limber.example' }))).toBe(true);
    expect(isSameOrigin(h({ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3100' }))).toBe(true);
  });
  it('prefers X-Forwarded-Host (the host the browser used) over Host', () => {
    expect(isSameOrigin(h({ host: 'internal:3000', 'x-forwarded-host': 'limber.example', origin: 'https://limber.example' }))).toBe(true);
    expect(isSameOrigin(h({ host: 'limber.example', 'x-forwarded-host': 'internal:3000', origin: 'https://limber.example' }))).toBe(false);
  });
  it.each([
    ['a missing Origin', { host: 'limber.example' }],
    ['another site', { host: 'limber.example', origin: 'https://evil.example' }],
    ['a look-alike suffix', { host: 'limber.example', origin: 'https://limber.example.evil.example' }],
    ['another port', { host: 'limber.example', origin: 'https://limber.example:8443' }],
    ['the opaque origin "null"', { host: 'limber.example', origin: 'null' }],
    ['a malformed Origin', { host: 'limber.example', origin: 'not a url' }],
  ])('refuses %s', (_name, headers) => {
    expect(isSameOrigin(h(headers))).toBe(false);
  });
});

describe('cookies and hosts', () => {
  it.each(['localhost', 'localhost:3000', '127.0.0.1', '127.0.0.1:3100', '127.4.5.6', '[::1]:3000'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
    expect(wantsSecureCookies(h({ host }))).toBe(false);
  });
  it.each(['limber.example', '10.0.0.5:3000', 'localhost.evil.example', '127.0.0.1.evil.example'])('%s is not loopback: cookies are Secure', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
    expect(wantsSecureCookies(h({ host }))).toBe(true);
  });
});

describe('requestIdFrom', () => {
  it('keeps a well-formed id and replaces anything else', () => {
    expect(requestIdFrom(h({ 'x-request-id': 'abc-12345678' }))).toBe('abc-12345678');
    expect(requestIdFrom(h({ 'x-request-id': 'bad id; <script>' }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(h({}))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
