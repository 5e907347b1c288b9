const MENTION = /(?<![\w@/.])@([A-Za-z0-9_-]{3,30})(?![\w-])/g;
const MAX_MENTIONS = 20;

/** The distinct handles written as `@handle` in a body, lower-cased, at most twenty. */
export function mentionedHandles(body: string): string[] {
  const handles = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    handles.add(match[1].toLowerCase());
    if (handles.size === MAX_MENTIONS) break;
  }
  return [...handles];
}
