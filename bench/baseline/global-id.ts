/** The API's opaque ids: base64url of `Type:uuid`. */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** The UUID of a global id of `type`, or null when it is not one. */
export function uuidOf(type: string, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const decoded = Buffer.from(value, 'base64url').toString('utf8');
  const uuid = decoded.slice(type.length + 1);
  return decoded.startsWith(`${type}:`) && /^[0-9a-f-]{36}$/.test(uuid) ? uuid : null;
}

/** The API's opaque cursors: base64url of the sort key's JSON. */
export function cursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}
