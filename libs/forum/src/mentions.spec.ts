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
});
