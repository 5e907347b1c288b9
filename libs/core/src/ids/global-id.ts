import { badInput } from '../errors/app-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface DecodedId {
  type: string;
  id: string;
}

/** Encodes a type and a UUID into the opaque ID clients see. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes any global ID, or returns null when it is not one of ours. */
export function parseGlobalId(globalId: string): DecodedId | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 120) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 1) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!/^[A-Za-z]+$/.test(type) || !UUID.test(id)) return null;
  return { type, id };
}

/**
 * Decodes the ID passed in `field` and checks it names one of `types`; anything else is
 * BAD_USER_INPUT naming the field. Returns the database UUID.
 */
export function fromGlobalId(globalId: string, types: string | string[], field: string): string {
  return fromGlobalIdOfTypes(globalId, types, field).id;
}

/** Like fromGlobalId, but also says which of the allowed types the ID names. */
export function fromGlobalIdOfTypes(
  globalId: string,
  types: string | string[],
  field: string,
): DecodedId {
  const allowed = Array.isArray(types) ? types : [types];
  const decoded = parseGlobalId(globalId);
  if (!decoded) throw badInput(field, 'is not a valid ID');
  if (!allowed.includes(decoded.type)) {
    throw badInput(field, `must be the ID of a ${allowed.join(' or ')}`);
  }
  return decoded;
}
