import { describe, expect, it } from 'vitest';
import { API_CSP, createNonce, pageCsp } from './csp';

function directive(csp: string, name: string): string | undefined {
  return csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
}

describe('pageCsp', () => {
  it('allows scripts only by nonce in production: no unsafe-inline or unsafe-eval', () => {
    const script = directive(pageCsp('abc123'), 'script-src');
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(script).not.toContain('unsafe');
  });
  it('adds unsafe-eval only for next dev', () => {
    expect(directive(pageCsp('n', { dev: true }), 'script-src')).toContain("'unsafe-eval'");
  });
  it('forbids framing, plugins and base-tag hijacking', () => {
    const csp = pageCsp('n');
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'none'");
  });
});

describe('API_CSP', () => {
  it('lets nothing load or run from a JSON response', () => {
    expect(directive(API_CSP, 'default-src')).toBe("default-src 'none'");
    expect(directive(API_CSP, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });
});

describe('createNonce', () => {
  it('is base64 of 16 bytes and differs every time', () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
