import { renderMarkdown, sanitizeFragment } from './render-markdown';

/** Every opening tag in `html`, with its name and attributes (the sanitizer always quotes with "). */
function tagsOf(html: string): Array<{ name: string; attributes: Array<[string, string]> }> {
  return [...html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[^\s=/>]+(?:\s*=\s*"[^"]*")?)*)\s*\/?>/gi)].map(
    ([, name, rest]) => ({
      name: name.toLowerCase(),
      attributes: [...rest.matchAll(/([^\s=/>]+)(?:\s*=\s*"([^"]*)")?/g)].map(
        ([, attribute, value]): [string, string] => [attribute.toLowerCase(), value ?? ''],
      ),
    }),
  );
}

/** The values of every `name` attribute on a real tag in `html`. */
const attributeValues = (html: string, name: string): string[] =>
  tagsOf(html).flatMap((tag) =>
    tag.attributes.filter(([attribute]) => attribute === name).map(([, value]) => value),
  );

/** Asserts that no tag in `html` carries an event handler attribute. */
function expectNoEventHandlers(html: string): void {
  for (const tag of tagsOf(html)) {
    for (const [attribute] of tag.attributes) expect(attribute).not.toMatch(/^on/);
  }
}

/** Asserts that no href or src in `html` uses a scheme other than http, https or mailto. */
function expectOnlySafeUrls(html: string): void {
  for (const url of [...attributeValues(html, 'href'), ...attributeValues(html, 'src')]) {
    expect(url).toMatch(/^(https?:|mailto:)/i);
  }
}

describe('renderMarkdown', () => {
  describe('ordinary markdown', () => {
    it('renders emphasis and strong text', () => {
      expect(renderMarkdown('*soft* and **loud**')).toBe(
        '<p><em>soft</em> and <strong>loud</strong></p>\n',
      );
    });

    it('renders a link with its href and text', () => {
      const html = renderMarkdown('[the docs](https://example.com/docs)');
      expect(html).toContain('href="https://example.com/docs"');
      expect(html).toContain('>the docs</a>');
    });

    it('marks member links rel="nofollow ugc" so they pass no reputation', () => {
      const [rel] = attributeValues(renderMarkdown('[spam](https://example.com)'), 'rel');
      expect(rel.split(' ')).toEqual(expect.arrayContaining(['nofollow', 'ugc']));
    });

    it('marks links rel="noopener noreferrer" as well', () => {
      const [rel] = attributeValues(renderMarkdown('[x](https://example.com)'), 'rel');
      expect(rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    });

    it('turns a bare URL into a link that is also nofollow ugc', () => {
      const html = renderMarkdown('see https://example.com/page for more');
      expect(attributeValues(html, 'href')).toEqual(['https://example.com/page']);
      expect(attributeValues(html, 'rel')[0]).toContain('nofollow ugc');
    });

    it('keeps mailto links', () => {
      expect(attributeValues(renderMarkdown('[mail us](mailto:help@example.com)'), 'href')).toEqual(
        ['mailto:help@example.com'],
      );
    });

    it('keeps http images with their alt text', () => {
      const html = renderMarkdown('![diagram](https://example.com/d.png)');
      expect(html).toContain('<img src="https://example.com/d.png" alt="diagram" />');
    });

    it('keeps the language class on fenced code', () => {
      expect(renderMarkdown('```ts\nconst a = 1;\n```')).toContain(
        '<code class="language-ts">const a = 1;',
      );
    });

    it('escapes markup inside code blocks', () => {
      expect(renderMarkdown('`<b>bold</b>`')).toBe('<p><code>&lt;b&gt;bold&lt;/b&gt;</code></p>\n');
    });
  });

  describe('hostile input', () => {
    it('never lets a <script> element through', () => {
      const html = renderMarkdown('hello <script>alert(document.cookie)</script> world');
      expect(html).not.toMatch(/<script/i);
    });

    it('shows raw HTML as text instead of interpreting it', () => {
      expect(renderMarkdown('<b>bold</b>')).toBe('<p>&lt;b&gt;bold&lt;/b&gt;</p>\n');
    });

    it('neutralises <img onerror>: it is text, not an image', () => {
      const html = renderMarkdown('<img src=x onerror=alert(1)>');
      expect(tagsOf(html).map((tag) => tag.name)).toEqual(['p']);
      expect(html).toContain('&lt;img');
      expectNoEventHandlers(html);
    });

    it('keeps an onerror smuggled into image alt text inside the escaped attribute', () => {
      const html = renderMarkdown('![x" onerror="alert(1)](https://example.com/a.png)');
      expectNoEventHandlers(html);
      expect(html).toContain('alt="x&quot; onerror=&quot;alert(1)"');
    });

    it('keeps an onerror smuggled into an image URL inside the escaped URL', () => {
      const html = renderMarkdown('![x](https://example.com/a.png"onerror="alert(1))');
      expectNoEventHandlers(html);
    });

    it('drops handlers from a block of raw HTML of many kinds', () => {
      const html = renderMarkdown(
        [
          '<div onclick="alert(1)">x</div>',
          '<a href="https://example.com" onmouseover="alert(1)">y</a>',
          '<svg onload=alert(1)>',
          '<body onload=alert(1)>',
        ].join('\n\n'),
      );
      expectNoEventHandlers(html);
      expectOnlySafeUrls(html);
      const names = tagsOf(html).map((tag) => tag.name);
      expect(names.filter((name) => !['p', 'a'].includes(name))).toEqual([]);
    });

    it.each([
      ['lower case', '[click](javascript:alert(1))'],
      ['mixed case', '[click](JaVaScRiPt:alert(1))'],
      ['an entity-encoded j', '[click](&#106;avascript:alert(1))'],
      ['a tab inside the scheme', '[click](java\tscript:alert(1))'],
      ['an autolink', '<javascript:alert(1)>'],
      ['a reference link', '[click][x]\n\n[x]: javascript:alert(1)'],
      ['an image', '![pic](javascript:alert(1))'],
    ])('never renders a javascript: URL written with %s', (_how, source) => {
      const html = renderMarkdown(source);
      expectOnlySafeUrls(html);
      expect(attributeValues(html, 'href').join(' ')).not.toMatch(/script/i);
    });

    it('never renders a vbscript: URL', () => {
      expectOnlySafeUrls(renderMarkdown('[x](vbscript:msgbox(1))'));
    });

    it('never renders a data: link', () => {
      const html = renderMarkdown(
        '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      );
      expect(attributeValues(html, 'href')).toEqual([]);
      expectOnlySafeUrls(html);
    });

    it('never renders a data: image source', () => {
      const html = renderMarkdown('![pixel](data:image/png;base64,iVBORw0KGgo=)');
      expect(html).not.toMatch(/src\s*=/i);
      expectOnlySafeUrls(html);
    });

    it('drops a protocol-relative link target', () => {
      expect(attributeValues(renderMarkdown('[x](//evil.example)'), 'href')).toEqual([]);
    });

    it('shows a style attribute written in raw HTML as text', () => {
      const html = renderMarkdown('<p style="position:fixed;top:0">covering the page</p>');
      expect(attributeValues(html, 'style')).toEqual([]);
      expect(html).toContain('&lt;p style=');
    });

    it('keeps table alignment as an allowed text-align style', () => {
      const html = renderMarkdown('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |');
      expect(html).toContain('<th style="text-align:left">a</th>');
      expect(html).toContain('<th style="text-align:center">b</th>');
      expect(html).toContain('<td style="text-align:right">3</td>');
    });

    it('lets no style but text-align through anywhere in a mixed document', () => {
      const html = renderMarkdown(
        [
          '| h |',
          '|:-:|',
          '| <td style="color:red">x</td> |',
          '',
          '<span style="background:url(javascript:alert(1))">y</span>',
        ].join('\n'),
      );
      const styles = attributeValues(html, 'style');
      expect(styles.length).toBeGreaterThan(0);
      for (const style of styles) expect(style).toMatch(/^text-align:(left|right|center);?$/);
    });

    it('drops a language class that is not a plain language name', () => {
      const html = renderMarkdown('```js" onclick="alert(1)\nx\n```');
      expectNoEventHandlers(html);
      for (const cls of attributeValues(html, 'class'))
        expect(cls).toMatch(/^language-[a-z0-9+#-]+$/);
    });
  });
});

describe('sanitizeFragment', () => {
  it('keeps only the allowed tags, without any attributes', () => {
    expect(
      sanitizeFragment('<mark class="x" onclick="y">word</mark> <script>bad()</script><b>b</b>', [
        'mark',
      ]),
    ).toBe('<mark>word</mark> b');
  });
});
