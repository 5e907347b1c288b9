import { HEADLINE_SOURCE_FROM, HEADLINE_SOURCE_TO, highlightHtml } from './highlight';

/** What SQL translate() does to ts_headline's input, for building excerpts as Postgres would. */
function translate(source: string): string {
  return [...source]
    .map((char) => {
      const index = HEADLINE_SOURCE_FROM.indexOf(char);
      return index < 0 ? char : (HEADLINE_SOURCE_TO[index] ?? '');
    })
    .join('');
}

const mark = (word: string): string => `\uE000${word}\uE001`;

describe('highlightHtml', () => {
  it('wraps the words ts_headline marked in <mark>', () => {
    expect(highlightHtml(`How do I ${mark('configure')} my ${mark('router')}?`)).toBe(
      'How do I <mark>configure</mark> my <mark>router</mark>?',
    );
  });

  it('escapes markup in the text, including tags parked away from ts_headline', () => {
    const excerpt = translate('<script>alert("x")</script> & \'it\'') + ` ${mark('router')}`;
    expect(highlightHtml(excerpt)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;it&#39; <mark>router</mark>',
    );
  });

  it('never lets the text forge a mark: the sentinels are taken out of the source first', () => {
    const forged = translate('\uE000<img src=x onerror=alert(1)>\uE001\uE002\uE003');
    expect(highlightHtml(forged)).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('leaves already escaped text escaped once more, as plain text', () => {
    expect(highlightHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});
