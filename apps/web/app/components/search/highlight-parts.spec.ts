/// <reference types="jest" />
// The web tsconfig leaves test globals out; this file alone needs them.
import { highlightParts } from './highlight-parts';

describe('highlightParts', () => {
  it('splits an excerpt into plain and marked runs', () => {
    expect(
      highlightParts('Reset the <mark>router</mark> first, then the <mark>modem</mark>.'),
    ).toEqual([
      { text: 'Reset the ', marked: false },
      { text: 'router', marked: true },
      { text: ' first, then the ', marked: false },
      { text: 'modem', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('turns the escaped characters back into text, once', () => {
    expect(highlightParts('&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39; &amp;lt;')).toEqual([
      { text: '<b> & "x" \'y\' &lt;', marked: false },
    ]);
  });

  it('keeps any other tag and an unpaired mark as visible text', () => {
    expect(highlightParts('<img src=x onerror=alert(1)> <mark>open')).toEqual([
      { text: '<img src=x onerror=alert(1)> <mark>open', marked: false },
    ]);
  });

  it('shows the break between the title and the body, or two blocks, as a dash', () => {
    expect(highlightParts('No dial tone\nThe <mark>line</mark> is dead.\n\nAny idea?')).toEqual([
      { text: 'No dial tone — The ', marked: false },
      { text: 'line', marked: true },
      { text: ' is dead. — Any idea?', marked: false },
    ]);
  });
});
