import { highlightParts } from './highlight-parts';

/** A search excerpt with its matches marked, rendered as text (never as HTML). */
export function Highlight({ html }: { html: string }) {
  return (
    <>
      {highlightParts(html).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : part.text,
      )}
    </>
  );
}
