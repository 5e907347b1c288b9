import { markdownTokens } from '@app/core';

/** `@handle` not glued to a word, an address or a path (`me@example`, `/x/@scope`). */
const MENTION = /(?<![\w@/.])@([A-Za-z0-9_-]{3,30})(?![\w-])/g;
const MAX_MENTIONS = 20;

/**
 * The text a reader sees as prose: text tokens of each inline run, outside links. Code spans,
 * fenced and indented code are other token types, so they never count; a link's text is
 * skipped too, since linkify makes URLs and emails (`https://x/@a`, `a@b.com`) into links.
 */
function* proseTexts(body: string): Generator<string> {
  for (const block of markdownTokens(body)) {
    let linkDepth = 0;
    for (const token of block.type === 'inline' ? (block.children ?? []) : []) {
      if (token.type === 'link_open') linkDepth++;
      else if (token.type === 'link_close') linkDepth--;
      else if (token.type === 'text' && linkDepth === 0) yield token.content;
    }
  }
}

/** The distinct handles written as `@handle` in a body's prose, lower-cased, at most twenty. */
export function mentionedHandles(body: string): string[] {
  const handles = new Set<string>();
  for (const text of proseTexts(body)) {
    for (const match of text.matchAll(MENTION)) {
      handles.add(match[1].toLowerCase());
      if (handles.size === MAX_MENTIONS) return [...handles];
    }
  }
  return [...handles];
}
