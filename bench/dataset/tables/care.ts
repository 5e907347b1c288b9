import { TableRows } from '../copy';
import { Kind, uuidOf } from '../ids';
import { AGENT, CommunityPlan, HOUR_MS, MINUTE_MS, Stream } from '../plan';
import { below, chance } from '../random';
import { iso } from './timestamps';

const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
const SUBJECTS = [
  'My bill is wrong',
  'Roaming charges I did not expect',
  'The esim will not activate',
  'Cancel my contract',
  'No signal at home since the outage',
];

/** One case's shape: when it opened, how urgent, and how far it got. */
function caseOf(plan: CommunityPlan, c: number) {
  const { cases, threads } = plan.size;
  const createdAt = plan.now - Math.floor(((cases - c) * 90 * 24 * HOUR_MS) / cases);
  const rank = below(4, Stream.CaseShape, c);
  const unresolved = c % 10 === 0;
  // A fifth came from a thread (one case per thread, as escalation allows).
  const escalated = chance(Stream.CaseShape, c, 1) < 0.2 && cases <= threads;
  return {
    createdAt,
    rank,
    unresolved,
    status: unresolved ? (c % 20 === 0 ? 'WAITING_ON_MEMBER' : 'OPEN') : 'RESOLVED',
    thread: escalated ? uuidOf(Kind.Thread, Math.floor((c * threads) / cases)) : null,
    member: plan.authorOf(Stream.CaseMember, c),
    dueAt: createdAt + [2, 8, 24, 72][rank] * HOUR_MS,
    respondedAt: unresolved && c % 20 !== 0 ? null : createdAt + HOUR_MS,
  };
}

/**
 * Care cases (a tenth unresolved, so the inbox has work; the resolved ones answered by member2,
 * the agent) and two messages each: the member's question and the agent's reply or a nudge.
 */
export function careTables(plan: CommunityPlan): TableRows[] {
  const { cases } = plan.size;
  return [
    {
      table: 'care_cases',
      columns: [
        'id',
        'subject',
        'member_id',
        'status',
        'priority',
        'priority_rank',
        'origin',
        'thread_id',
        'assignee_id',
        'first_response_due_at',
        'first_responded_at',
        'resolved_at',
        'created_at',
        'updated_at',
      ],
      expectedRows: cases,
      *rows() {
        for (let c = 0; c < cases; c++) {
          const item = caseOf(plan, c);
          const resolvedAt = item.unresolved ? null : item.createdAt + 3 * HOUR_MS;
          yield [
            uuidOf(Kind.Case, c),
            `${SUBJECTS[c % SUBJECTS.length]}, case ${c + 1}`,
            uuidOf(Kind.Member, item.member),
            item.status,
            PRIORITIES[item.rank],
            item.rank,
            item.thread ? 'ESCALATED' : 'DIRECT',
            item.thread,
            item.unresolved && c % 3 !== 0 ? null : uuidOf(Kind.Member, AGENT),
            iso(item.dueAt),
            item.respondedAt === null ? null : iso(item.respondedAt),
            resolvedAt === null ? null : iso(resolvedAt),
            iso(item.createdAt),
            iso(Math.min(resolvedAt ?? item.respondedAt ?? item.createdAt, plan.now)),
          ];
        }
      },
    },
    {
      table: 'care_case_messages',
      columns: ['id', 'case_id', 'author_id', 'body', 'body_html', 'internal', 'created_at'],
      expectedRows: 2 * cases,
      *rows() {
        for (let c = 0; c < cases; c++) {
          const item = caseOf(plan, c);
          const id = uuidOf(Kind.Case, c);
          const member = uuidOf(Kind.Member, item.member);
          const asked = 'Please check my invoice, the data abroad charge looks wrong.';
          yield [
            uuidOf(Kind.CaseMessage, 2 * c),
            id,
            member,
            asked,
            `<p>${asked}</p>`,
            false,
            iso(item.createdAt),
          ];
          const replied = item.respondedAt !== null;
          const reply = replied
            ? 'I have credited the charge, it shows on your next invoice.'
            : 'Is there any news on this?';
          const at = item.respondedAt ?? item.createdAt + 30 * MINUTE_MS;
          yield [
            uuidOf(Kind.CaseMessage, 2 * c + 1),
            id,
            replied ? uuidOf(Kind.Member, AGENT) : member,
            reply,
            `<p>${reply}</p>`,
            false,
            iso(Math.min(at, plan.now)),
          ];
        }
      },
    },
  ];
}
