/** What automod knows when it scores a new text. */
export interface ScreeningFacts {
  text: string;
  authorReputation: number;
  /** The author posted the same text within the last day. */
  repeatedText: boolean;
  /** How many texts the author posted in the last minute, before this one. */
  postsLastMinute: number;
}

export interface ScreeningSettings {
  blockedWords: string[];
  /** The score at which content is held; each link counts 1, each other rule 3. */
  threshold: number;
}

export interface ScreeningVerdict {
  score: number;
  reasons: string[];
  /** At or over the threshold: the content waits for a moderator before anyone else sees it. */
  held: boolean;
}

/** Members below this reputation have their links counted against them. */
export const NEW_MEMBER_REPUTATION = 10;
const BURST_PER_MINUTE = 5;
/** The score of a blocked word, a repeat or a burst: each holds content at the default threshold. */
export const STRONG_RULE_SCORE = 3;
const LINK = /\bhttps?:\/\/|\bwww\./gi;

/** Scores a text with automod's rules; pure, so every rule is tested without a database. */
export function screen(facts: ScreeningFacts, settings: ScreeningSettings): ScreeningVerdict {
  const reasons: string[] = [];
  let score = 0;
  const links = facts.text.match(LINK)?.length ?? 0;
  if (links > 0 && facts.authorReputation < NEW_MEMBER_REPUTATION) {
    score += links;
    reasons.push(
      `${links} link${links === 1 ? '' : 's'} from a member under ${NEW_MEMBER_REPUTATION} reputation`,
    );
  }
  const words = new Set(facts.text.toLowerCase().split(/[^\p{L}\p{N}-]+/u));
  for (const blocked of settings.blockedWords) {
    if (words.has(blocked)) {
      score += STRONG_RULE_SCORE;
      reasons.push(`blocked word "${blocked}"`);
    }
  }
  if (facts.repeatedText) {
    score += STRONG_RULE_SCORE;
    reasons.push('the same text was posted again');
  }
  if (facts.postsLastMinute >= BURST_PER_MINUTE) {
    score += STRONG_RULE_SCORE;
    reasons.push(`posting burst: ${facts.postsLastMinute + 1} posts within a minute`);
  }
  return { score, reasons, held: score >= settings.threshold };
}
