import { markdownPlainText } from './plain-text';

describe('markdownPlainText', () => {
  it('drops emphasis, code and link syntax, keeping the words readers see', () => {
    expect(
      markdownPlainText('Set **voicemail** with `*121#`, see [the guide](https://example.com/vm).'),
    ).toBe('Set voicemail with *121#, see the guide.');
  });

  it('puts each block on its own line, code blocks as written', () => {
    const source = '# Title\n\n- one\n- _two_\n\n> quoted\n\n```sh\nreboot --now\n```\n';
    expect(markdownPlainText(source)).toBe('Title\none\ntwo\nquoted\nreboot --now');
  });

  it('joins soft line breaks with a space, shows images by their alt text', () => {
    expect(markdownPlainText('first line\nsecond ![the router](x.png)')).toBe(
      'first line second the router',
    );
  });

  it('keeps raw HTML and entities as the text they render to', () => {
    expect(markdownPlainText('<b>bold</b> &amp; 1 &lt; 2')).toBe('<b>bold</b> & 1 < 2');
  });
});
