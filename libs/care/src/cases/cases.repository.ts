import {
  cappedCount,
  encodeCursor,
  keysetPage,
  KeysetSort,
  PageRequest,
  SAMPLE,
  SAMPLE_PAGE,
  SqlSnapshot,
  Tx,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { CaseStatus } from './care.enums';
import { CareCaseEntity } from './care-case.entity';

/** A new case's row; its number comes from the sequence. */
export type NewCase = Omit<CareCaseEntity, 'number'>;

/** What may change on a case after it is opened. */
export type CaseChange = Partial<
  Pick<
    CareCaseEntity,
    | 'status'
    | 'assigneeId'
    | 'repFallbackAt'
    | 'firstRespondedAt'
    | 'resolvedAt'
    | 'resolutionNote'
    | 'publicAnswerId'
    | 'updatedAt'
  >
>;

/** The inbox's filter, decoded: the viewer's id for assignedToMe, `now` for breached. */
export interface InboxQuery {
  status?: CaseStatus;
  assigneeId?: string;
  unassigned?: boolean;
  breached?: boolean;
  now: Date;
  page: PageRequest;
}

// By due time, then priority (URGENT first: rank 0), then age: the inbox indexes' order.
const INBOX_SORT: KeysetSort = {
  tail: {
    columns: [
      { sql: 'c.first_response_due_at', part: 'timestamp' },
      { sql: 'c.priority_rank', part: 'count' },
      { sql: 'c.created_at', part: 'timestamp' },
      { sql: 'c.id', part: 'uuid' },
    ],
    order: 'ASC',
  },
};

// A member's cases, latest activity first.
const MEMBER_SORT: KeysetSort = {
  tail: {
    columns: [
      { sql: 'c.updated_at', part: 'timestamp' },
      { sql: 'c.id', part: 'uuid' },
    ],
    order: 'DESC',
  },
};

const inbox = (query: Partial<InboxQuery>): InboxQuery => ({
  now: SAMPLE.DATE,
  page: SAMPLE_PAGE.FIRST,
  ...query,
});

const OPEN_THREAD_INDEX = 'care_cases_open_thread_idx';

/** The statements on cases: reads by id, the member's and the inbox's pages, the writes. */
@Injectable()
export class CasesRepository {
  constructor(
    @InjectRepository(CareCaseEntity) private readonly cases: Repository<CareCaseEntity>,
  ) {}

  /** The name of the unique index that keeps one unresolved case per thread. */
  readonly openThreadIndex = OPEN_THREAD_INDEX;

  /** The case, or null; in `tx` when given. */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  byId(id: string, tx?: Tx): Promise<CareCaseEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  /** The cases of these ids that exist, in no particular order (the loaders' batch read). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  byIds(ids: readonly string[]): Promise<CareCaseEntity[]> {
    return this.cases.findBy({ id: In([...ids]) });
  }

  /** The case with its row locked until `tx` ends (changes to one case queue up here), or null. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.TX] })
  lockById(id: string, tx: Tx): Promise<CareCaseEntity | null> {
    return tx.getRepository(CareCaseEntity).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Makes the member's openings queue up until `tx` ends, so that counting their unresolved
   * cases and opening one more is one step (the member may have no care row to lock).
   */
  async lockMember(memberId: string, tx: Tx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('care.member:' || $1, 0))`, [
      memberId,
    ]);
  }

  /** How many of the member's cases are not resolved. */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  unresolvedCountOf(memberId: string, tx?: Tx): Promise<number> {
    return this.repo(tx)
      .createQueryBuilder('c')
      .where('c.member_id = :memberId', { memberId })
      .andWhere(`c.status <> 'RESOLVED'`)
      .getCount();
  }

  /** Whether the thread was ever escalated by the platform (it is, at most once). */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  async autoEscalated(threadId: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await (tx ?? this.cases.manager).query(
      `SELECT 1 FROM care_cases WHERE thread_id = $1 AND origin = 'AUTO_ESCALATED' LIMIT 1`,
      [threadId],
    );
    return rows.length > 0;
  }

  /** Inserts the case and returns its number; a second unresolved case of a thread violates OPEN_THREAD_INDEX. */
  async insert(careCase: NewCase, tx: Tx): Promise<number> {
    const rows: Array<{ number: number }> = await tx.query(
      `INSERT INTO care_cases (id, subject, member_id, status, priority, priority_rank, origin,
         thread_id, assignee_id, rep_fallback_at, first_response_due_at, first_responded_at,
         resolved_at, resolution_note, public_answer_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING number`,
      [
        careCase.id,
        careCase.subject,
        careCase.memberId,
        careCase.status,
        careCase.priority,
        careCase.priorityRank,
        careCase.origin,
        careCase.threadId,
        careCase.assigneeId,
        careCase.repFallbackAt,
        careCase.firstResponseDueAt,
        careCase.firstRespondedAt,
        careCase.resolvedAt,
        careCase.resolutionNote,
        careCase.publicAnswerId,
        careCase.createdAt,
        careCase.updatedAt,
      ],
    );
    return rows[0].number;
  }

  async update(id: string, change: CaseChange, tx: Tx): Promise<void> {
    await tx.getRepository(CareCaseEntity).update({ id }, change);
  }

  /**
   * Unassigns the case if it still waits for its dedicated rep's first response; whether it
   * did (a case answered, resolved or reassigned meanwhile is left alone).
   */
  async returnToInbox(id: string, now: Date, tx: Tx): Promise<boolean> {
    const result = await tx
      .getRepository(CareCaseEntity)
      .createQueryBuilder()
      .update()
      .set({ assigneeId: null, repFallbackAt: null, updatedAt: now })
      .where('id = :id', { id })
      .andWhere('rep_fallback_at IS NOT NULL')
      .andWhere('first_responded_at IS NULL')
      .andWhere(`status <> 'RESOLVED'`)
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** One page of the inbox (limit + 1 rows), by due time, priority, then age. */
  @SqlSnapshot({ name: 'unresolved', params: [inbox({})] })
  @SqlSnapshot({ name: 'by status', params: [inbox({ status: CaseStatus.WAITING_ON_MEMBER })] })
  @SqlSnapshot({ name: 'resolved', params: [inbox({ status: CaseStatus.RESOLVED })] })
  @SqlSnapshot({ name: 'assigned to me', params: [inbox({ assigneeId: SAMPLE.UUID })] })
  @SqlSnapshot({ name: 'unassigned', params: [inbox({ unassigned: true })] })
  @SqlSnapshot({ name: 'breached', params: [inbox({ breached: true })] })
  @SqlSnapshot({ name: 'within the SLA', params: [inbox({ breached: false })] })
  @SqlSnapshot({
    name: 'after a cursor',
    params: [inbox({ page: SAMPLE_PAGE.after(SAMPLE.DATE.getTime(), 2, SAMPLE.DATE.getTime()) })],
  })
  inboxPage(query: InboxQuery): Promise<CareCaseEntity[]> {
    return keysetPage(this.inboxFiltered(query), query.page, INBOX_SORT).getMany();
  }

  @SqlSnapshot({ params: [inbox({})] })
  inboxCount(query: InboxQuery): Promise<number> {
    return cappedCount(this.inboxFiltered(query));
  }

  inboxCursor(careCase: CareCaseEntity): string {
    return encodeCursor([
      careCase.firstResponseDueAt.getTime(),
      careCase.priorityRank,
      careCase.createdAt.getTime(),
      careCase.id,
    ]);
  }

  /** One page of the member's cases (limit + 1 rows), latest activity first. */
  @SqlSnapshot({ name: 'first page', params: [SAMPLE.UUID, SAMPLE_PAGE.FIRST] })
  @SqlSnapshot({
    name: 'after a cursor',
    params: [SAMPLE.UUID, SAMPLE_PAGE.after(SAMPLE.DATE.getTime())],
  })
  memberPage(memberId: string, page: PageRequest): Promise<CareCaseEntity[]> {
    return keysetPage(this.ofMember(memberId), page, MEMBER_SORT).getMany();
  }

  @SqlSnapshot({ params: [SAMPLE.UUID] })
  memberCount(memberId: string): Promise<number> {
    return cappedCount(this.ofMember(memberId));
  }

  memberCursor(careCase: CareCaseEntity): string {
    return encodeCursor([careCase.updatedAt.getTime(), careCase.id]);
  }

  private ofMember(memberId: string): SelectQueryBuilder<CareCaseEntity> {
    return this.cases.createQueryBuilder('c').where('c.member_id = :memberId', { memberId });
  }

  private inboxFiltered(query: InboxQuery): SelectQueryBuilder<CareCaseEntity> {
    const qb = this.cases.createQueryBuilder('c');
    // Written out, not bound, so that the planner matches the partial indexes' predicate.
    if (query.status === CaseStatus.RESOLVED) qb.where(`c.status = 'RESOLVED'`);
    else {
      qb.where(`c.status <> 'RESOLVED'`);
      if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    }
    if (query.assigneeId)
      qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    if (query.unassigned === true) qb.andWhere('c.assignee_id IS NULL');
    if (query.unassigned === false) qb.andWhere('c.assignee_id IS NOT NULL');
    const breached =
      'coalesce(c.first_responded_at, CAST(:now AS timestamptz)) > c.first_response_due_at';
    if (query.breached === true) qb.andWhere(breached, { now: query.now });
    if (query.breached === false) qb.andWhere(`NOT (${breached})`, { now: query.now });
    return qb;
  }

  private repo(tx?: Tx): Repository<CareCaseEntity> {
    return (tx ?? this.cases.manager).getRepository(CareCaseEntity);
  }
}
