import { badInput } from '../errors/app-errors';
import { pageSize } from './connection';
import { CursorPart, CursorValue, decodeCursor } from './cursor';
import { PageArgs } from './page-args';
import { argumentWritten, FieldArguments } from './written-argument';

/** Which way a page runs from its cursor: toward the list's end, or toward its start. */
export type PageDirection = 'forward' | 'backward';

/** A checked page of a connection: how many rows, from where, in which direction. */
export interface PageRequest {
  direction: PageDirection;
  /** 1..100. */
  limit: number;
  /** `after` going forward, `before` going backward; null from the list's start (or end). */
  cursor: string | null;
}

const ONE_DIRECTION = 'page forward with first/after or backward with last/before, not both';

/**
 * Checks a connection's paging arguments (Relay): `first`/`after` page forward, `last`/`before`
 * page backward, and mixing the two directions is BAD_USER_INPUT on the backward argument.
 * `before` alone pages backward by the default page size. An empty cursor is no cursor, as it
 * always was for `after`. `first` has a schema default, so only a `first` written in the
 * document counts as mixing (see argumentWritten).
 */
export function pageRequest(args: PageArgs, info: FieldArguments): PageRequest {
  const first = argumentWritten(info, 'first') ? (args.first ?? null) : null;
  const after = args.after || null;
  const last = args.last ?? null;
  const before = args.before || null;
  const backward = last !== null || before !== null;
  if (!backward) {
    return { direction: 'forward', limit: pageSize(args.first, 'first'), cursor: after };
  }
  const argument = last !== null ? 'last' : 'before';
  if (first !== null) throw badInput(argument, `cannot be combined with first: ${ONE_DIRECTION}`);
  if (after !== null) throw badInput(argument, `cannot be combined with after: ${ONE_DIRECTION}`);
  return { direction: 'backward', limit: pageSize(last, 'last'), cursor: before };
}

/** The argument that carried the page's cursor, for naming it in errors. */
export function cursorArgument(page: PageRequest): 'after' | 'before' {
  return page.direction === 'forward' ? 'after' : 'before';
}

/** The page's cursor decoded for a sort key of `shape`, or null when the page has none. */
export function pageCursor(page: PageRequest, shape: CursorPart[]): CursorValue[] | null {
  return page.cursor === null ? null : decodeCursor(page.cursor, shape, cursorArgument(page));
}
