import { TableRows } from '../copy';
import { Kind, uuidOf } from '../ids';
import { CommunityPlan, Stream, voteWeightOf } from '../plan';
import { sequence } from '../random';
import { idea } from '../text';
import { IDEAS_BOARD } from './forum';
import { iso } from './timestamps';

/** Where an idea stands: most are new, some under review or planned, a few delivered. */
function statusOf(i: number): string {
  if (i % 25 === 3) return 'DELIVERED';
  if (i % 10 === 2) return 'PLANNED';
  if (i % 10 === 1) return 'UNDER_REVIEW';
  return 'NEW';
}

/**
 * Ideas with their vote counts, weighted sums and trending scores as planned, then the votes:
 * idea i's voters are a run of distinct members, each vote weighing its voter's segment weight.
 */
export function ideaTables(plan: CommunityPlan): TableRows[] {
  const { ideas } = plan.size;
  return [
    {
      table: 'ideas',
      columns: [
        'id',
        'board_id',
        'author_id',
        'title',
        'body',
        'body_html',
        'tags',
        'status',
        'vote_count',
        'weighted_vote_count',
        'trending_score',
        'created_at',
      ],
      expectedRows: ideas,
      *rows() {
        for (let i = 0; i < ideas; i++) {
          const pitch = idea(sequence(Stream.IdeaText, i));
          yield [
            uuidOf(Kind.Idea, i),
            uuidOf(Kind.Board, IDEAS_BOARD),
            uuidOf(Kind.Member, plan.authorOf(Stream.IdeaAuthor, i)),
            `${pitch.title} (${i + 1})`,
            pitch.body,
            `<p>${pitch.body}</p>`,
            pitch.tags,
            statusOf(i),
            plan.votes[i],
            plan.weightedVotes[i],
            plan.trending[i],
            iso(plan.ideaCreatedAt(i)),
          ];
        }
      },
    },
    {
      table: 'idea_votes',
      columns: ['idea_id', 'user_id', 'weight', 'created_at'],
      expectedRows: plan.size.ideaVotes,
      *rows() {
        for (let i = 0; i < ideas; i++) {
          const id = uuidOf(Kind.Idea, i);
          for (let j = 0; j < plan.votes[i]; j++) {
            const voter = plan.memberInRun(Stream.Voters, i, j);
            yield [id, uuidOf(Kind.Member, voter), voteWeightOf(voter), iso(plan.voteAt(i, j))];
          }
        }
      },
    },
  ];
}
