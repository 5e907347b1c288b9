/** Where to go after signing in: a path on this site only, never another site (open redirect). */
export function safeReturnTo(value: FormDataEntryValue | string | null | undefined): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  return value.includes('\\') ? '/' : value;
}
