import { TableRows } from '../copy';
import { Kind, uuidOf } from '../ids';
import { CommunityPlan, HOUR_MS, MODERATOR, Stream } from '../plan';
import { below, chance, sequence } from '../random';
import { answer, question } from '../text';
import { iso } from './timestamps';

/** The two QUESTIONS boards take threads in turn; the third board holds the ideas. */
export const BOARDS = [
  {
    slug: 'help',
    name: 'Help',
    description: 'Questions about your plan and bill',
    kind: 'QUESTIONS',
  },
  { slug: 'devices', name: 'Devices', description: 'Phones, routers and more', kind: 'QUESTIONS' },
  { slug: 'ideas', name: 'Ideas', description: 'What we could build', kind: 'IDEAS' },
] as const;
export const IDEAS_BOARD = 2;

const paragraph = (text: string): string => `<p>${text}</p>`;

/** Whether answer `p` carries a moderator's correction (a few do, two on the hot thread). */
function corrected(plan: CommunityPlan, p: number): boolean {
  const hot = plan.hotAnswer;
  return p === hot + 1 || p === hot + 2 || chance(Stream.Correction, p) < 0.005;
}

/**
 * Boards, threads (each subscribed to by its author, as asking does), answers, kudos and
 * corrections. Threads carry their answer count, accepted answer and last activity as planned,
 * answers their kudos count: the counters agree with the rows written after them.
 */
export function forumTables(plan: CommunityPlan): TableRows[] {
  const { threads, ideas } = plan.size;
  const threadAuthor = (t: number) => plan.authorOf(Stream.ThreadAuthor, t);
  const postAuthor = (p: number) => plan.authorOf(Stream.PostAuthor, p);
  return [
    {
      table: 'boards',
      columns: ['id', 'slug', 'name', 'description', 'kind', 'thread_count'],
      expectedRows: BOARDS.length,
      *rows() {
        const counts = [Math.ceil(threads / 2), Math.floor(threads / 2), ideas];
        for (const [b, board] of BOARDS.entries()) {
          yield [
            uuidOf(Kind.Board, b),
            board.slug,
            board.name,
            board.description,
            board.kind,
            counts[b],
          ];
        }
      },
    },
    {
      table: 'threads',
      columns: [
        'id',
        'board_id',
        'author_id',
        'title',
        'body',
        'body_html',
        'body_text',
        'tags',
        'status',
        'accepted_post_id',
        'accepted_by',
        'answer_count',
        'created_at',
        'last_activity_at',
      ],
      expectedRows: threads,
      *rows() {
        for (let t = 0; t < threads; t++) {
          const asked = question(sequence(Stream.ThreadText, t), plan.mentionsRouter(t));
          const accepted = plan.accepted[t];
          const author = uuidOf(Kind.Member, threadAuthor(t));
          yield [
            uuidOf(Kind.Thread, t),
            uuidOf(Kind.Board, t % 2),
            author,
            asked.title,
            asked.body,
            paragraph(asked.body),
            asked.body,
            asked.tags,
            accepted >= 0 ? 'SOLVED' : 'OPEN',
            accepted >= 0 ? uuidOf(Kind.Post, plan.firstPost[t] + accepted) : null,
            accepted >= 0 ? author : null,
            plan.answers[t],
            iso(plan.threadCreatedAt(t)),
            iso(plan.lastActivityAt(t)),
          ];
        }
      },
    },
    {
      table: 'thread_subscriptions',
      columns: ['thread_id', 'user_id', 'created_at'],
      expectedRows: threads,
      *rows() {
        for (let t = 0; t < threads; t++) {
          const author = uuidOf(Kind.Member, threadAuthor(t));
          yield [uuidOf(Kind.Thread, t), author, iso(plan.threadCreatedAt(t))];
        }
      },
    },
    {
      table: 'posts',
      columns: [
        'id',
        'thread_id',
        'author_id',
        'body',
        'body_html',
        'body_text',
        'kudos_count',
        'created_at',
      ],
      expectedRows: plan.posts,
      *rows() {
        for (let t = 0; t < threads; t++) {
          const thread = uuidOf(Kind.Thread, t);
          const aboutRouter = plan.mentionsRouter(t);
          for (let j = 0; j < plan.answers[t]; j++) {
            const p = plan.firstPost[t] + j;
            const body = answer(sequence(Stream.PostText, p), aboutRouter, plan.rareAnswers.has(p));
            yield [
              uuidOf(Kind.Post, p),
              thread,
              uuidOf(Kind.Member, postAuthor(p)),
              body,
              paragraph(body),
              body,
              plan.kudos[p],
              iso(plan.answerAt(t, j)),
            ];
          }
        }
      },
    },
    {
      table: 'kudos',
      columns: ['post_id', 'user_id', 'created_at'],
      expectedRows: plan.size.kudos,
      *rows() {
        for (let t = 0; t < threads; t++) {
          for (let j = 0; j < plan.answers[t]; j++) {
            const p = plan.firstPost[t] + j;
            if (plan.kudos[p] === 0) continue;
            const post = uuidOf(Kind.Post, p);
            const author = postAuthor(p);
            const postedAt = plan.answerAt(t, j);
            // A run of distinct members from a random one, stepping over the author.
            for (let k = 0, given = 0; given < plan.kudos[p]; k++) {
              const giver = plan.memberInRun(Stream.KudosGivers, p, k);
              if (giver === author) continue;
              const at = postedAt + below(Math.max(plan.now - postedAt, 1), Stream.KudosTime, p, k);
              yield [post, uuidOf(Kind.Member, giver), iso(at)];
              given++;
            }
          }
        }
      },
    },
    {
      table: 'corrections',
      columns: ['id', 'post_id', 'moderator_id', 'note', 'note_html', 'created_at'],
      expectedRows: plan.posts / 200,
      *rows() {
        for (let t = 0; t < threads; t++) {
          for (let j = 0; j < plan.answers[t]; j++) {
            const p = plan.firstPost[t] + j;
            if (!corrected(plan, p)) continue;
            const note = 'This no longer applies: the menu moved in the last update.';
            const at = Math.min(plan.answerAt(t, j) + HOUR_MS, plan.now);
            yield [
              uuidOf(Kind.Correction, p),
              uuidOf(Kind.Post, p),
              uuidOf(Kind.Member, MODERATOR),
              note,
              paragraph(note),
              iso(at),
            ];
          }
        }
      },
    },
  ];
}
