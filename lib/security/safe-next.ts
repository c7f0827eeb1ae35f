/** Only same-site absolute paths are followed after sign-in; anything else goes home. */
export function safeNextPath(value: unknown): string {
  const next = typeof value === 'string' ? value : '';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f]/.test(next)) return '/';
  return next.slice(0, 512);
}
