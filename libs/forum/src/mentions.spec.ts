import { mentionedHandles } from './mentions';

describe('mentions', () => {
  it('finds each @handle once, lower-cased', () => {
    expect(mentionedHandles('Thanks @Alice and @bob_2, and @alice again')).toEqual([
      'alice',
      'bob_2',
    ]);
  });

  it('ignores emails, paths and handles too short or too long', () => {
    expect(mentionedHandles('mail me@example.com or see /x/@scope @ab @' + 'a'.repeat(31))).toEqual(
      [],
    );
  });

  it('keeps at most twenty mentions', () => {
    const body = Array.from({ length: 30 }, (_, i) => `@member${i}`).join(' ');
    expect(mentionedHandles(body)).toHaveLength(20);
  });

  it('finds mentions wherever prose renders: emphasis, lists, quotes, headings, tables', () => {
    const body = [
      '# Ask @heading_one',
      '> quoting @quoter',
      '- item for **@bold_one** and _@em_one_',
      '',
      '| who |',
      '| --- |',
      '| @cell_one |',
      '',
      'first line\n@second_line',
    ].join('\n');
    expect(mentionedHandles(body)).toEqual([
      'heading_one',
      'quoter',
      'bold_one',
      'em_one',
      'cell_one',
      'second_line',
    ]);
  });

  it('ignores a handle inside inline code', () => {
    expect(mentionedHandles('run `npm i @angular/core` or `@alice`, thanks @bob')).toEqual(['bob']);
    expect(mentionedHandles('``code with ` and @alice``')).toEqual([]);
  });

  it('ignores a handle inside fenced and indented code blocks', () => {
    expect(mentionedHandles('```ts\n@Injectable()\nclass A {} // @alice\n```\nok @bob')).toEqual([
      'bob',
    ]);
    expect(mentionedHandles('~~~\n@alice\n~~~')).toEqual([]);
    expect(mentionedHandles('Before:\n\n    @alice indented\n\nafter @carol')).toEqual(['carol']);
  });

  it('ignores handles in link URLs and link text, written or linkified', () => {
    expect(mentionedHandles('[profile](https://social.example/@alice) by @bob')).toEqual(['bob']);
    expect(
      mentionedHandles('see https://social.example/@alice and <https://x.example/@carol>'),
    ).toEqual([]);
    expect(mentionedHandles('[ask @alice](https://help.example)')).toEqual([]);
  });

  it('does not take an email address for a mention', () => {
    expect(mentionedHandles('a@b.com')).toEqual([]);
    expect(mentionedHandles('write to support@example.com or <ops@example.org>')).toEqual([]);
    expect(mentionedHandles('mail [me](mailto:alice@example.com), @carol')).toEqual(['carol']);
  });
});
