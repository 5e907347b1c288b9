// ts_headline marks matches with whatever strings it is given, and it drops anything its parser
// reads as an HTML tag. So the SQL hands it the plain text with `<` and `>` parked on
// private-use characters (which it neither reads as tags nor as words) and marks matches with two
// more of them; highlightHtml then escapes everything and only afterwards turns these four
// characters back into `&lt;`, `&gt;` and <mark></mark>. The source's own copies of the four are
// removed first, so a member cannot forge a mark.
import { ExcerptFormat } from '@app/forum';

const MARK_START = '\uE000';
const MARK_END = '\uE001';
const PARKED_LT = '\uE002';
const PARKED_GT = '\uE003';

/** Options of ts_headline: the default excerpt length, with the sentinel marks. */
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}`;

/**
 * The two arguments of SQL `translate(source, from, to)` that prepare ts_headline's input: park
 * `<` and `>`, delete the sentinels (characters of `from` beyond the length of `to` are deleted).
 */
export const HEADLINE_SOURCE_FROM = `<>${MARK_START}${MARK_END}${PARKED_LT}${PARKED_GT}`;
export const HEADLINE_SOURCE_TO = `${PARKED_LT}${PARKED_GT}`;

/** How the forum's search statements are to mark excerpts for highlightHtml. */
export const EXCERPT_FORMAT: ExcerptFormat = {
  headlineOptions: HEADLINE_OPTIONS,
  translateFrom: HEADLINE_SOURCE_FROM,
  translateTo: HEADLINE_SOURCE_TO,
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  [PARKED_LT]: '&lt;',
  [PARKED_GT]: '&gt;',
  [MARK_START]: '<mark>',
  [MARK_END]: '</mark>',
};

/** Turns a ts_headline excerpt made with these options into safe HTML with <mark> around matches. */
export function highlightHtml(headline: string): string {
  return headline.replace(/[&<>"'\uE000-\uE003]/g, (char) => ESCAPES[char]);
}
