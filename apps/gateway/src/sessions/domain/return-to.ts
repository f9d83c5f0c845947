/**
 * Where to send the browser after sign-in: only a path of this origin (`/…`, not `//host` nor `/\host`, which
 * browsers read as another host), so the sign-in can never be used to bounce a user to another site.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if ([...value].some((character) => character.charCodeAt(0) < 0x20 || character === '\\')) return '/';
  const parsed = new URL(value, 'http://gateway.invalid');
  if (parsed.origin !== 'http://gateway.invalid') return '/';
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
