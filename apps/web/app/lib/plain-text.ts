const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** One character reference as its character; an unknown or impossible one stays as written. */
function decodeEntity(entity: string, name: string): string {
  if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? entity;
  const hex = name[1] === 'x' || name[1] === 'X';
  const code = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

/**
 * The text of a sanitised HTML fragment (the API's bodyHtml), for meta descriptions and
 * structured data, where markup would show as is.
 */
export function htmlToText(html: string): string {
  return (
    html
      // Blocks end words; inline markup (strong, a, code) sits inside them.
      .replace(
        /<\/?(?:p|br|hr|h[1-6]|blockquote|pre|ul|ol|li|table|thead|tbody|tr|th|td)\b[^>]*>/gi,
        ' ',
      )
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, decodeEntity)
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** At most `limit` characters of `text`, cut at a word and marked with an ellipsis when cut. */
export function excerpt(text: string, limit = 160): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
