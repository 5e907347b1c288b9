import { Zipf } from './random';
import { ASIDES, DEVICES, OCCASIONS, REMEDIES, SEARCH_WORDS, SYMPTOMS, TOPICS } from './vocabulary';

/** A question as its author wrote it: plain text, so the body is also its plain-text form. */
export interface Question {
  title: string;
  body: string;
  tags: string[];
}

const topics = new Zipf(TOPICS.length, 1.05);

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)];
const topic = (random: () => number): string => TOPICS[topics.rank(random())];
const capitalized = (text: string): string => text[0].toUpperCase() + text.slice(1);

/**
 * A question on the most talked-about topics, `mentionsRouter` deciding whether the common
 * search word is in it (title or body), so that its share of threads is exact.
 */
export function question(random: () => number, mentionsRouter: boolean): Question {
  const subject = mentionsRouter ? SEARCH_WORDS.common : topic(random);
  const other = topic(random);
  const device = pick(DEVICES, random);
  const symptom = pick(SYMPTOMS, random);
  const occasion = pick(OCCASIONS, random);
  const inTitle = !mentionsRouter || random() < 0.5;
  const named = inTitle ? subject : other;
  const titles = [
    `${capitalized(named)} ${symptom} after ${occasion}`,
    `How do I fix my ${named} on my ${device}?`,
    `${capitalized(named)} ${symptom} on ${device}`,
    `Why does my ${named} keep failing?`,
    `${capitalized(named)} not working since ${occasion}`,
  ];
  const sentences = [
    `My ${inTitle ? named : subject} ${symptom} since ${occasion}.`,
    `My device is the ${device}, with the ${other}.`,
  ];
  if (random() < 0.6) sentences.push(`The ${topic(random)} ${pick(SYMPTOMS, random)} as well.`);
  if (random() < 0.4) sentences.push(`I already called about the ${topic(random)} twice.`);
  sentences.push('Any idea what to try?');
  const tags = [...new Set([named.replace(/ /g, '-'), other.replace(/ /g, '-')])];
  return { title: pick(titles, random), body: sentences.join(' '), tags };
}

/**
 * An answer: always a piece of advice naming the settings (the word in every answer), the
 * router when the question is about one now and then, and the rare error code when asked to.
 */
export function answer(random: () => number, aboutRouter: boolean, rareCode: boolean): string {
  const sentences: string[] = [];
  if (random() < 0.4) sentences.push(`${capitalized(pick(ASIDES, random))}.`);
  sentences.push(`${capitalized(pick(REMEDIES, random))}.`);
  if (aboutRouter && random() < 0.3) {
    sentences.push(`Restart the ${SEARCH_WORDS.common} and wait for the lights.`);
  }
  if (rareCode) {
    sentences.push(`If it shows error ${SEARCH_WORDS.rare} the ${topic(random)} is blocked.`);
  }
  if (random() < 0.5) sentences.push(`For the ${topic(random)} it is the same.`);
  if (random() < 0.3) sentences.push(`${capitalized(pick(ASIDES, random))}.`);
  return sentences.join(' ');
}

/** An idea for the product: a title and a short pitch. */
export function idea(random: () => number): { title: string; body: string; tags: string[] } {
  const subject = topic(random);
  const verbs = ['pause', 'share', 'split', 'move', 'export', 'schedule', 'limit', 'track'];
  const verb = pick(verbs, random);
  return {
    title: `Let me ${verb} my ${subject} from the app`,
    body: `It would help when ${pick(OCCASIONS, random).replace(/^the /, '')} to ${verb} the ${subject} myself, without calling about the ${topic(random)}.`,
    tags: [subject.replace(/ /g, '-')],
  };
}

/** A review of a product: a rating's worth of words. */
export function review(random: () => number, rating: number): { title: string; body: string } {
  const good = ['Great', 'Solid', 'Fast setup', 'Works well', 'Happy with it'];
  const bad = ['Disappointing', 'Keeps dropping', 'Returned it', 'Not worth it', 'Slow'];
  const title = pick(rating >= 4 ? good : rating === 3 ? ['It is fine', 'Average'] : bad, random);
  const body =
    rating >= 4
      ? `The ${topic(random)} reaches the garden and the ${topic(random)} was easy.`
      : `The ${topic(random)} ${pick(SYMPTOMS, random)} and the ${topic(random)} did not help.`;
  return { title, body };
}
