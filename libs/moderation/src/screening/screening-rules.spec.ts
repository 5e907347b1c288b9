import { screen, ScreeningFacts } from './screening-rules';

const settings = { blockedWords: ['casino', 'jackpot'], threshold: 3 };
const clean: ScreeningFacts = {
  text: 'Restart the phone and try again.',
  authorReputation: 0,
  repeatedText: false,
  postsLastMinute: 0,
};

describe('automod rules', () => {
  it('lets ordinary text through with no reasons', () => {
    expect(screen(clean, settings)).toEqual({ score: 0, reasons: [], held: false });
  });

  it('counts each link of a member under 10 reputation, holding at the threshold', () => {
    const twoLinks = { ...clean, text: 'See https://a.example and www.b.example' };
    expect(screen(twoLinks, settings)).toEqual({
      score: 2,
      reasons: ['2 links from a member under 10 reputation'],
      held: false,
    });
    const fourLinks = { ...twoLinks, text: `${twoLinks.text} http://c.example https://d.example` };
    expect(screen(fourLinks, settings).held).toBe(true);
    expect(screen({ ...fourLinks, authorReputation: 10 }, settings)).toMatchObject({
      score: 0,
      held: false,
    });
  });

  it('holds blocked words as whole words in any case, naming each', () => {
    const verdict = screen({ ...clean, text: 'Win the JACKPOT at our Casino!' }, settings);
    expect(verdict.held).toBe(true);
    expect(verdict.reasons).toEqual(['blocked word "casino"', 'blocked word "jackpot"']);
    expect(screen({ ...clean, text: 'The casinos nearby have Wi-Fi.' }, settings).held).toBe(false);
  });

  it('holds a repeated text and a burst of posts', () => {
    expect(screen({ ...clean, repeatedText: true }, settings)).toMatchObject({
      held: true,
      reasons: ['the same text was posted again'],
    });
    expect(screen({ ...clean, postsLastMinute: 4 }, settings).held).toBe(false);
    expect(screen({ ...clean, postsLastMinute: 5 }, settings)).toMatchObject({
      held: true,
      reasons: ['posting burst: 6 posts within a minute'],
    });
  });

  it('holds nothing below a higher threshold unless the rules add up to it', () => {
    const lenient = { ...settings, threshold: 6 };
    expect(screen({ ...clean, repeatedText: true }, lenient).held).toBe(false);
    expect(screen({ ...clean, repeatedText: true, postsLastMinute: 9 }, lenient).held).toBe(true);
  });
});
