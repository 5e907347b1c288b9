import { TableRows } from '../copy';
import { Kind, uuidOf } from '../ids';
import { CommunityPlan, DAY_MS, HOUR_MS, MINUTE_MS, Stream } from '../plan';
import { below } from '../random';
import { iso } from './timestamps';

const REASONS = ['INCORRECT_ADVICE', 'SPAM', 'OFF_TOPIC', 'OFFENSIVE', 'OTHER'];

/** The weight of a reporter's flag, as libs/moderation review-priority.ts gives it. */
const flagWeight = (reputation: number): number =>
  1 + (reputation >= 250 ? 1 : 0) + (reputation >= 1000 ? 1 : 0);

interface Flag {
  reporter: number;
  reason: string;
  weight: number;
}

/** One flagged answer: its post, when it was first flagged, and its one to three flags. */
function flaggedOf(plan: CommunityPlan, f: number) {
  const { flaggedAnswers, members } = plan.size;
  let p = Math.floor(((f + 0.5) * plan.posts) / flaggedAnswers);
  if (p === plan.hotAnswer) p = (p + 1) % plan.posts;
  const author = plan.authorOf(Stream.PostAuthor, p);
  const flags: Flag[] = [];
  let hideWeight = 0;
  const wanted = 1 + below(3, Stream.FlagCount, f);
  for (let k = 0; flags.length < Math.min(wanted, members - 1); k++) {
    const reporter = plan.memberInRun(Stream.FlagReporters, f, k);
    if (reporter === author) continue;
    const weight = flagWeight(plan.reputation[reporter]);
    let reason = REASONS[below(REASONS.length, Stream.FlagReason, f, k)];
    // Flags other than incorrect advice hide the answer at a weight of 3: the queue's answers
    // stay published, so the thread pages and their counts are untouched.
    if (reason !== 'INCORRECT_ADVICE' && hideWeight + weight >= 3) reason = 'INCORRECT_ADVICE';
    if (reason !== 'INCORRECT_ADVICE') hideWeight += weight;
    flags.push({ reporter, reason, weight });
  }
  // Flagged within the last two weeks, and never before the answer was posted.
  const t = plan.threadOfPost(p);
  const postedAt = plan.answerAt(t, p - plan.firstPost[t]);
  const createdAt = Math.min(
    plan.now - HOUR_MS,
    Math.max(
      postedAt + HOUR_MS,
      plan.now - Math.floor(((flaggedAnswers - f) * 14 * DAY_MS) / flaggedAnswers),
    ),
  );
  return { p, author, flags, hideWeight, createdAt };
}

/**
 * The moderation queue: answers flagged by members, each with one open review item whose
 * tallies (count, weight, hiding weight, reasons, reporters' reputation) sum its flags, and the
 * priority the queue orders by (libs/moderation review-priority.ts: 10 a flag weight, 2 a
 * tenfold of reputation, minus the creation day).
 */
export function moderationTables(plan: CommunityPlan): TableRows[] {
  const { flaggedAnswers } = plan.size;
  return [
    {
      table: 'review_items',
      columns: [
        'id',
        'kind',
        'target_type',
        'target_id',
        'target_author_id',
        'priority',
        'flag_count',
        'flag_weight',
        'hide_weight',
        'reporter_reputation',
        'reasons',
        'created_at',
      ],
      expectedRows: flaggedAnswers,
      *rows() {
        for (let f = 0; f < flaggedAnswers; f++) {
          const item = flaggedOf(plan, f);
          const weight = item.flags.reduce((sum, flag) => sum + flag.weight, 0);
          const reputation = item.flags.reduce(
            (sum, flag) => sum + Math.max(plan.reputation[flag.reporter], 0),
            0,
          );
          const priority = 10 * weight + 2 * Math.log10(1 + reputation) - item.createdAt / DAY_MS;
          yield [
            uuidOf(Kind.ReviewItem, f),
            'FLAGGED',
            'Post',
            uuidOf(Kind.Post, item.p),
            uuidOf(Kind.Member, item.author),
            priority,
            item.flags.length,
            weight,
            item.hideWeight,
            reputation,
            [...new Set(item.flags.map((flag) => flag.reason))],
            iso(item.createdAt),
          ];
        }
      },
    },
    {
      table: 'flags',
      columns: [
        'id',
        'target_type',
        'target_id',
        'reporter_id',
        'reason',
        'weight',
        'review_item_id',
        'created_at',
      ],
      expectedRows: 2 * flaggedAnswers,
      *rows() {
        for (let f = 0; f < flaggedAnswers; f++) {
          const item = flaggedOf(plan, f);
          for (const [k, flag] of item.flags.entries()) {
            yield [
              uuidOf(Kind.Flag, f * 4 + k),
              'Post',
              uuidOf(Kind.Post, item.p),
              uuidOf(Kind.Member, flag.reporter),
              flag.reason,
              flag.weight,
              uuidOf(Kind.ReviewItem, f),
              iso(Math.min(item.createdAt + k * HOUR_MS + MINUTE_MS, plan.now)),
            ];
          }
        }
      },
    },
  ];
}
