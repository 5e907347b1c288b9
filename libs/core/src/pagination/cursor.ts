import { badInput } from '../errors/app-errors';

export type CursorValue = string | number;

/**
 * What each position of a cursor must hold: any finite number, a count (an integer a Postgres
 * integer column can hold), a string, a time in milliseconds within the range of a Date, or a
 * UUID.
 */
export type CursorPart = 'number' | 'count' | 'string' | 'timestamp' | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_TIME = 8.64e15;
const MAX_INT4 = 2_147_483_647;

const accepts: Record<CursorPart, (value: unknown) => boolean> = {
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  count: (value) =>
    typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_INT4,
  string: (value) => typeof value === 'string',
  timestamp: (value) =>
    typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_TIME,
  uuid: (value) => typeof value === 'string' && UUID.test(value),
};

/** Encodes the sort key of a row (its ordered values, ending with the id) into an opaque cursor. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor for a sort key of `shape`. A cursor of another shape
 * (forged or from another list) is BAD_USER_INPUT on `argument` (the `after` or `before` it
 * came in), never a database error.
 */
export function decodeCursor(
  cursor: string,
  shape: CursorPart[],
  argument: 'after' | 'before',
): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(argument, 'is not a valid cursor');
  }
  if (
    !Array.isArray(values) ||
    values.length !== shape.length ||
    values.some((value, index) => !accepts[shape[index]](value))
  ) {
    throw badInput(argument, 'is not a valid cursor');
  }
  return values as CursorValue[];
}
