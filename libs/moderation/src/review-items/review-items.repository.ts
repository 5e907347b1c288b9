import {
  cappedCount,
  encodeCursor,
  keysetPage,
  PageRequest,
  SAMPLE,
  SAMPLE_PAGE,
  SqlSnapshot,
  Tx,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { ReviewAction, ReviewItemKind, ReviewItemStatus } from '../moderation.enums';
import { ReviewItemEntity } from './review-item.entity';

/** A flagged item's running tallies, recomputed with each flag. */
export interface ReviewItemTallies {
  flagCount: number;
  flagWeight: number;
  hideWeight: number;
  reporterReputation: number;
  reasons: string[];
  priority: number;
}

/** How a moderator's decision closes an item. */
export interface ReviewItemResolution {
  resolution: ReviewAction;
  resolutionNote: string | null;
  resolvedBy: string;
}

/** What an item opens on: its target, whoever owns it. */
export interface ReviewItemTarget {
  type: string;
  id: string;
  authorId: string;
}

/** The review items: one open item per target, the queue by priority, claims and resolutions. */
@Injectable()
export class ReviewItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One keyset page of the items in `status` (limit + 1 rows): highest priority first, then oldest. */
  @SqlSnapshot({ name: 'first page', params: [ReviewItemStatus.PENDING, SAMPLE_PAGE.FIRST] })
  @SqlSnapshot({
    name: 'after a cursor',
    params: [ReviewItemStatus.PENDING, SAMPLE_PAGE.after(1.5, SAMPLE.DATE.getTime())],
  })
  page(status: ReviewItemStatus, page: PageRequest): Promise<ReviewItemEntity[]> {
    // Highest priority first, ties oldest first: the two keys run in opposite orders.
    return keysetPage(this.inStatus(status), page, {
      lead: { sql: 'r.priority', part: 'number', order: 'DESC' },
      tail: {
        columns: [
          { sql: 'r.created_at', part: 'timestamp' },
          { sql: 'r.id', part: 'uuid' },
        ],
        order: 'ASC',
      },
    }).getMany();
  }

  /** How many items are in `status`, up to the cap. */
  @SqlSnapshot({ params: [ReviewItemStatus.PENDING] })
  countInStatus(status: ReviewItemStatus): Promise<number> {
    return cappedCount(this.inStatus(status));
  }

  /** An item by UUID, or null; in `tx` when given. */
  byId(id: string, tx?: Tx): Promise<ReviewItemEntity | null> {
    return (tx ?? this.dataSource.manager).findOneBy(ReviewItemEntity, { id });
  }

  /** The items of `ids`, in no particular order (behind the request's loader). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  byIds(ids: readonly string[]): Promise<ReviewItemEntity[]> {
    return this.dataSource.manager.findBy(ReviewItemEntity, { id: In([...ids]) });
  }

  /** An item by UUID, its row locked until `tx` ends. */
  lockById(id: string, tx: Tx): Promise<ReviewItemEntity | null> {
    return tx.findOne(ReviewItemEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Claims an unresolved item for `moderatorId` unless another moderator's claim is younger than
   * `claimMinutes`; one conditional UPDATE, so of two claims at once exactly one wins. Whether it
   * was claimed.
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, 15, SAMPLE.TX] })
  async claim(id: string, moderatorId: string, claimMinutes: number, tx: Tx): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
    const claimed: unknown[] = await tx.query(
      `WITH claimed AS (
         UPDATE review_items
            SET status = 'CLAIMED', claimed_by = $2, claimed_at = now()
          WHERE id = $1 AND status <> 'RESOLVED'
            AND (claimed_by IS NULL OR claimed_by = $2
                 OR claimed_at < now() - make_interval(mins => $3))
          RETURNING id
       ) SELECT id FROM claimed`,
      [id, moderatorId, claimMinutes],
    );
    return claimed.length > 0;
  }

  /** Closes an item with a moderator's decision. */
  async resolve(id: string, decision: ReviewItemResolution, tx: Tx): Promise<void> {
    await tx.update(
      ReviewItemEntity,
      { id },
      { status: ReviewItemStatus.RESOLVED, ...decision, resolvedAt: () => 'now()' },
    );
  }

  /** The target's unresolved item, its row locked until `tx` ends; null when none is open. */
  @SqlSnapshot({ params: ['Post', SAMPLE.UUID, SAMPLE.TX] })
  openForTarget(type: string, targetId: string, tx: Tx): Promise<ReviewItemEntity | null> {
    return tx
      .createQueryBuilder(ReviewItemEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.target_type = :type AND r.target_id = :id AND r.status <> :resolved', {
        type,
        id: targetId,
        resolved: ReviewItemStatus.RESOLVED,
      })
      .getOne();
  }

  /** Opens a FLAGGED item on a target, with no flags counted yet. */
  async openFlagged(target: ReviewItemTarget, tx: Tx): Promise<ReviewItemEntity> {
    const id = randomUUID();
    await tx.insert(ReviewItemEntity, {
      id,
      kind: ReviewItemKind.FLAGGED,
      status: ReviewItemStatus.PENDING,
      targetType: target.type,
      targetId: target.id,
      targetAuthorId: target.authorId,
      priority: 0,
      flagCount: 0,
      flagWeight: 0,
      hideWeight: 0,
      reporterReputation: 0,
      reasons: [],
      createdAt: new Date(),
    });
    return tx.findOneByOrFail(ReviewItemEntity, { id });
  }

  /** Opens an AUTOMOD item on new content, saying which rules fired; its id. */
  async openAutomod(
    target: ReviewItemTarget,
    priority: number,
    reasons: string[],
    createdAt: Date,
    tx: Tx,
  ): Promise<string> {
    const id = randomUUID();
    await tx.insert(ReviewItemEntity, {
      id,
      kind: ReviewItemKind.AUTOMOD,
      status: ReviewItemStatus.PENDING,
      targetType: target.type,
      targetId: target.id,
      targetAuthorId: target.authorId,
      priority,
      reasons,
      createdAt,
    });
    return id;
  }

  /** Writes an item's tallies and priority after a flag. */
  async updateTallies(id: string, tallies: ReviewItemTallies, tx: Tx): Promise<void> {
    await tx.update(ReviewItemEntity, { id }, tallies);
  }

  private inStatus(status: ReviewItemStatus) {
    return this.dataSource.manager
      .createQueryBuilder(ReviewItemEntity, 'r')
      .where('r.status = :status', { status });
  }
}

/** The cursor of an item in the queue's order. */
export function queueCursorOf(item: ReviewItemEntity): string {
  return encodeCursor([item.priority, item.createdAt.getTime(), item.id]);
}
