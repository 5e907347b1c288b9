import { Kind, uuidOf } from '../ids';
import { AGENT, CommunityPlan, DAY_MS, MODERATOR, PRODUCT_MANAGER, SEGMENTS } from '../plan';
import { TableRows } from '../copy';
import { iso } from './timestamps';

/**
 * member2 works the care inbox, member3 the moderation queue, member4 sets ideas' status; the
 * rest are members.
 */
function roleOf(m: number): string {
  if (m === AGENT) return 'AGENT';
  if (m === MODERATOR) return 'MODERATOR';
  if (m === PRODUCT_MANAGER) return 'PRODUCT_MANAGER';
  return 'MEMBER';
}

/** The members, all sharing one password hash, with the reputation their kudos and solutions earned. */
export function memberTables(plan: CommunityPlan, passwordHash: string): TableRows[] {
  const { members } = plan.size;
  return [
    {
      table: 'users',
      columns: [
        'id',
        'handle',
        'email',
        'display_name',
        'password_hash',
        'role',
        'reputation',
        'accepted_solution_count',
        'created_at',
      ],
      expectedRows: members,
      *rows() {
        const joinedOver = 3 * 365 * DAY_MS;
        for (let m = 0; m < members; m++) {
          const n = m + 1;
          yield [
            uuidOf(Kind.Member, m),
            `member${n}`,
            `member${n}@bench.local`,
            `Member ${n}`,
            passwordHash,
            roleOf(m),
            plan.reputation[m],
            plan.acceptedSolutions[m],
            iso(plan.now - joinedOver + Math.floor((m * joinedOver) / members)),
          ];
        }
      },
    },
    {
      table: 'care_segments',
      columns: [
        'id',
        'key',
        'name',
        'first_response_hours',
        'dedicated_rep_enabled',
        'idea_vote_weight',
        'member_count',
      ],
      expectedRows: SEGMENTS.length,
      *rows() {
        for (const [s, segment] of SEGMENTS.entries()) {
          let count = 0;
          for (let m = 0; m < members; m++) if (segment.holds(m)) count++;
          const values = [segment.key, segment.name, segment.hours, false, segment.weight, count];
          yield [uuidOf(Kind.Segment, s), ...values];
        }
      },
    },
    {
      table: 'care_members',
      columns: ['user_id', 'segment_id', 'updated_at'],
      expectedRows: members / 20,
      *rows() {
        for (let m = 0; m < members; m++) {
          const s = SEGMENTS.findIndex((segment) => segment.holds(m));
          if (s >= 0) yield [uuidOf(Kind.Member, m), uuidOf(Kind.Segment, s), iso(plan.now)];
        }
      },
    },
  ];
}
