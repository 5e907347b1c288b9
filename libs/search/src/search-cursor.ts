import { badInput, decodeCursor, encodeCursor } from '@app/core';

/** Where a page of hits ends: the score as Postgres printed it (exact) and the thread id. */
export interface HitPosition {
  score: string;
  threadId: string;
}

// Scores are numeric(…, 6) (see the forum's search statements): kept as text, they compare
// exactly, so a page boundary never skips or repeats a hit with an equal-looking float.
const SCORE = /^\d{1,15}(\.\d{1,6})?$/;

/** The cursor of a hit in the (score DESC, thread id DESC) order. */
export function hitCursor(position: HitPosition): string {
  return encodeCursor([position.score, position.threadId]);
}

/**
 * Decodes a hit cursor; anything not made by hitCursor is BAD_USER_INPUT on `argument` (the
 * `after` or `before` it came in).
 */
export function decodeHitCursor(cursor: string, argument: 'after' | 'before'): HitPosition {
  const [score, threadId] = decodeCursor(cursor, ['string', 'uuid'], argument) as [string, string];
  if (!SCORE.test(score)) throw badInput(argument, 'is not a valid cursor');
  return { score, threadId };
}
