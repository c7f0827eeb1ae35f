import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it.each(['/today', '/patients/1/charts?range=90', '/'])('keeps the same-site path %s', (path) => {
    expect(safeNextPath(path)).toBe(path);
  });
  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash trick', '/\\evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a header-splitting control character', '/today\r\nSet-Cookie: x=1'],
    ['a non-string', 42],
    ['nothing', undefined],
  ])('sends %s home', (_name, value) => {
    expect(safeNextPath(value)).toBe('/');
  });
});
