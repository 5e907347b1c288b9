import { badInput } from '@app/core';

export const MAX_QUERY_LENGTH = 200;
export const MAX_TITLE_LENGTH = 200;
export const MAX_BODY_LENGTH = 50_000;
export const DEFAULT_SIMILAR = 5;
export const MAX_SIMILAR = 20;

/** The search text, trimmed: it must hold 1 to 200 characters. */
export function searchText(query: string): string {
  const text = query.trim();
  if (!text) throw badInput('query', 'must not be empty');
  if (text.length > MAX_QUERY_LENGTH) {
    throw badInput('query', `must be at most ${MAX_QUERY_LENGTH} characters`);
  }
  return text;
}

/** The title being typed, trimmed: it must hold 1 to 200 characters. */
export function typedTitle(title: string): string {
  const text = title.trim();
  if (!text || text.length > MAX_TITLE_LENGTH) {
    throw badInput('title', `must be 1 to ${MAX_TITLE_LENGTH} characters`);
  }
  return text;
}

/** Checks the optional body being typed against the length of a question's body. */
export function checkTypedBody(body: string | null | undefined): void {
  if (body && body.length > MAX_BODY_LENGTH) {
    throw badInput('body', `must be at most ${MAX_BODY_LENGTH} characters`);
  }
}

/** How many similar threads to suggest: 1 to 20, 5 when not given. */
export function similarCount(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_SIMILAR;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SIMILAR) {
    throw badInput('first', `must be between 1 and ${MAX_SIMILAR}`);
  }
  return first;
}
