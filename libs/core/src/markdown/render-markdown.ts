import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in a body is shown as text, never interpreted; the sanitizer below is the second wall.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    's',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'mark',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title'],
    code: ['class'],
    th: ['style'],
    td: ['style'],
    ol: ['start'],
  },
  allowedClasses: { code: [/^language-[a-z0-9+#-]+$/] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: {
    // Member-written links must not pass reputation to spam targets nor reach window.opener.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener noreferrer' }),
  },
};

/** Renders member-written markdown to HTML that is safe to insert into a page as is. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE_OPTIONS);
}

/**
 * The tokens of member-written markdown, parsed with the renderer's own options: whatever reads
 * a body's structure (mentions, for one) sees code, links and text exactly as they render.
 */
export function markdownTokens(source: string): MarkdownIt.Token[] {
  return markdown.parse(source, {});
}

/** Sanitizes an HTML fragment produced by the platform itself (e.g. search highlights). */
export function sanitizeFragment(html: string, allowedTags: string[]): string {
  return sanitizeHtml(html, { allowedTags, allowedAttributes: {} });
}
