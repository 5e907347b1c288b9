import { badInput } from '../errors/app-errors';

export type CursorValue = string | number;

/** Encodes the sort key of a row (its ordered values, ending with the id) into an opaque cursor. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor for a sort key of `shape` (one entry per value:
 * 'string' or 'number'). A cursor of another shape is BAD_USER_INPUT on `after`.
 */
export function decodeCursor(cursor: string, shape: Array<'string' | 'number'>): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('after', 'is not a valid cursor');
  }
  if (
    !Array.isArray(values) ||
    values.length !== shape.length ||
    values.some((value, index) => typeof value !== shape[index])
  ) {
    throw badInput('after', 'is not a valid cursor');
  }
  return values as CursorValue[];
}
