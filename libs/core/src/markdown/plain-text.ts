import { markdownTokens } from './render-markdown';

type Token = ReturnType<typeof markdownTokens>[number];

/** The words of one inline run as rendered: link text without its URL, code spans as typed. */
function inlineText(children: Token[]): string {
  return children
    .map((token) => {
      switch (token.type) {
        case 'text':
        case 'code_inline':
          return token.content;
        case 'softbreak':
          return ' ';
        case 'hardbreak':
          return '\n';
        case 'image':
          // Its alt text, which is what the page shows when the image is not seen.
          return inlineText(token.children ?? []);
        default:
          return '';
      }
    })
    .join('');
}

/**
 * Member-written markdown as readers see it, without its syntax: the text of each block on its
 * own line, code as written, links by their text. Parsed with the renderer's own options, so
 * it holds exactly the words of the rendered page. Kept beside the source at write time for
 * search excerpts, which would otherwise quote `**`, backticks and `[text](url)`.
 */
export function markdownPlainText(source: string): string {
  const blocks: string[] = [];
  for (const token of markdownTokens(source)) {
    if (token.type === 'inline') blocks.push(inlineText(token.children ?? []));
    else if (token.type === 'fence' || token.type === 'code_block') blocks.push(token.content);
  }
  return blocks
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .join('\n');
}
