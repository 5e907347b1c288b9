/** One run of an excerpt: its text, and whether the search matched it. */
export interface HighlightPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

// The excerpt keeps the line breaks between a thread's title and its body's blocks; in a line
// of running text they would vanish, so a dash shows where one block ends and the next starts.
const unescape = (html: string): string =>
  html
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity])
    .replace(/\s*\n\s*/g, ' — ');

/**
 * Reads the API's excerpt (escaped text with the matches in <mark>) into runs of plain text, so
 * that the page renders it as text with React's own escaping and never as HTML: whatever else
 * the string might hold stays visible text. Any other tag, or an unpaired mark, stays text too.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let rest = html;
  while (rest.length > 0) {
    const start = rest.indexOf('<mark>');
    const end = start < 0 ? -1 : rest.indexOf('</mark>', start + 6);
    if (start < 0 || end < 0) {
      parts.push({ text: unescape(rest), marked: false });
      break;
    }
    if (start > 0) parts.push({ text: unescape(rest.slice(0, start)), marked: false });
    parts.push({ text: unescape(rest.slice(start + 6, end)), marked: true });
    rest = rest.slice(end + 7);
  }
  return parts;
}
