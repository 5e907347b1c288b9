import {
  badInput,
  byKeys,
  conflict,
  Connection,
  ContentStatus,
  encodeCursor,
  fromGlobalId,
  ModerationLog,
  notFound,
  OutboxService,
  pageCursor,
  PageRequest,
  pastLeadingKey,
  requestLoader,
  seek,
  toConnection,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CorrectionsService, isHeldOrHidden } from '../corrections/corrections.service';
import { ResolveReviewItemInput } from '../dto/moderation.inputs';
import { ModeratableHandler, ModeratableTarget } from '../moderatable/moderatable';
import { ModeratableRegistry } from '../moderatable/moderatable.registry';
import { ReviewAction, ReviewItemStatus } from '../moderation.enums';
import { ContentModeratedEvent, MODERATION_EVENTS, ReviewChangedEvent } from '../moderation.events';
import { ReviewItemEntity } from '../review-items/review-item.entity';

/** How long a claim keeps other moderators off an item. */
export const CLAIM_MINUTES = 15;

/**
 * The moderators' queue: listing by priority, claiming, and resolving. Every transition is a
 * conditional write on a locked row, so of two moderators acting at once exactly one wins and
 * the other gets CONFLICT.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ModeratableRegistry,
    private readonly corrections: CorrectionsService,
    private readonly outbox: OutboxService,
    private readonly log: ModerationLog,
  ) {}

  /** A keyset page of the items in `status`: highest priority first, then oldest. */
  async list(status: ReviewItemStatus, page: PageRequest): Promise<Connection<ReviewItemEntity>> {
    const query = () =>
      this.dataSource.manager
        .createQueryBuilder(ReviewItemEntity, 'r')
        .where('r.status = :status', { status });
    const qb = query();
    // Highest priority first, ties oldest first: the two keys run in opposite orders.
    const prioritySeek = seek(page, 'DESC');
    const ageSeek = seek(page, 'ASC');
    const cursor = pageCursor(page, ['number', 'timestamp', 'uuid']);
    if (cursor) {
      const [priority, at, id] = cursor;
      const past = pastLeadingKey(
        page,
        { sql: 'r.priority', order: 'DESC', cursor: ':priority' },
        { sql: '(r.created_at, r.id)', order: 'ASC', cursor: '(:at, :id)' },
      );
      qb.andWhere(past, { priority, at: new Date(at), id });
    }
    const rows = await qb
      .orderBy('r.priority', prioritySeek.order)
      .addOrderBy('r.created_at', ageSeek.order)
      .addOrderBy('r.id', ageSeek.order)
      .limit(page.limit + 1)
      .getMany();
    return toConnection(rows, page, {
      cursorOf: (row) => encodeCursor([row.priority, row.createdAt.getTime(), row.id]),
      nodeOf: (row) => row,
      totalCount: () => query().getCount(),
    });
  }

  /** Finds an item by its UUID. */
  find(id: string): Promise<ReviewItemEntity | null> {
    return this.dataSource.manager.findOneBy(ReviewItemEntity, { id });
  }

  /** Loads an item by UUID through the request's loader. */
  load(ctx: object, id: string): Promise<ReviewItemEntity | null> {
    return requestLoader<string, ReviewItemEntity | null>(ctx, 'reviewItems.byId', async (ids) => {
      const rows = await this.dataSource.manager.findBy(ReviewItemEntity, { id: In([...ids]) });
      return byKeys(ids, rows, (row) => row.id, null);
    }).load(id);
  }

  /** Claims an item for 15 minutes; another moderator's live claim or a resolution is CONFLICT. */
  async claim(viewer: Viewer, globalId: string): Promise<ReviewItemEntity> {
    const id = fromGlobalId(globalId, 'ReviewItem', 'id');
    await this.dataSource.transaction(async (manager) => {
      // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      const claimed: unknown[] = await manager.query(
        `WITH claimed AS (
           UPDATE review_items
              SET status = 'CLAIMED', claimed_by = $2, claimed_at = now()
            WHERE id = $1 AND status <> 'RESOLVED'
              AND (claimed_by IS NULL OR claimed_by = $2
                   OR claimed_at < now() - make_interval(mins => $3))
            RETURNING id
         ) SELECT id FROM claimed`,
        [id, viewer.id, CLAIM_MINUTES],
      );
      if (claimed.length === 0) {
        const item = await manager.findOneBy(ReviewItemEntity, { id });
        if (!item) throw notFound('ReviewItem');
        throw conflict(
          item.status === ReviewItemStatus.RESOLVED
            ? 'This item is already resolved'
            : 'Another moderator is working on this item',
        );
      }
      await this.changed(manager, id);
    });
    return this.dataSource.manager.findOneByOrFail(ReviewItemEntity, { id });
  }

  /** Resolves an item with one action on its target, logs it and tells the author. */
  async resolve(viewer: Viewer, input: ResolveReviewItemInput): Promise<ReviewItemEntity> {
    const id = fromGlobalId(input.id, 'ReviewItem', 'id');
    const note = input.note?.trim() || null;
    const correction = input.correction?.trim() ?? '';
    if (input.action === ReviewAction.CORRECT && !correction) {
      throw badInput('correction', 'is required to correct a post');
    }
    if (input.unaccept && input.action !== ReviewAction.CORRECT) {
      throw badInput('unaccept', 'applies only with CORRECT');
    }
    await this.dataSource.transaction(async (manager) => {
      const unlocked = await manager.findOneBy(ReviewItemEntity, { id });
      if (!unlocked) throw notFound('ReviewItem');
      const handler = this.registry.get(unlocked.targetType);
      if (!handler) throw notFound('ReviewItem');
      // The target first, then the item: the same order as flagging, so the two never deadlock.
      const target = await handler.lock(manager, unlocked.targetId);
      const item = await manager.findOne(ReviewItemEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item || !target) throw notFound('ReviewItem');
      this.assertResolvable(item, viewer);
      await this.apply(manager, viewer, handler, target, input, note, correction);
      await manager.update(
        ReviewItemEntity,
        { id },
        {
          status: ReviewItemStatus.RESOLVED,
          resolution: input.action,
          resolutionNote: note,
          resolvedBy: viewer.id,
          resolvedAt: () => 'now()',
        },
      );
      await this.log.append(manager, {
        actorId: viewer.id,
        action: `RESOLVE_${input.action}`,
        targetType: target.type,
        targetId: target.id,
        targetUserId: target.authorId,
        reason: input.action === ReviewAction.CORRECT ? correction : note,
      });
      await this.changed(manager, id);
    });
    return this.dataSource.manager.findOneByOrFail(ReviewItemEntity, { id });
  }

  private assertResolvable(item: ReviewItemEntity, viewer: Viewer): void {
    if (item.status === ReviewItemStatus.RESOLVED) {
      throw conflict('This item is already resolved');
    }
    const claimLive =
      item.claimedAt !== null && item.claimedAt.getTime() > Date.now() - CLAIM_MINUTES * 60_000;
    if (item.claimedBy && item.claimedBy !== viewer.id && claimLive) {
      throw conflict('Another moderator is working on this item');
    }
  }

  private async apply(
    manager: EntityManager,
    viewer: Viewer,
    handler: ModeratableHandler,
    target: ModeratableTarget,
    input: ResolveReviewItemInput,
    note: string | null,
    correction: string,
  ): Promise<void> {
    switch (input.action) {
      case ReviewAction.APPROVE:
      case ReviewAction.DISMISS:
        // Both leave the content up: held or hidden content is published, deleted stays so.
        if (isHeldOrHidden(target.status)) {
          await handler.setStatus(manager, target.id, ContentStatus.PUBLISHED);
        }
        return;
      case ReviewAction.CORRECT:
        if (!handler.correctable) {
          throw badInput('action', `a ${target.type} cannot be corrected, only hidden or deleted`);
        }
        if (target.status === ContentStatus.DELETED) {
          throw badInput('action', 'a deleted post cannot be corrected');
        }
        await this.corrections.attach(
          manager,
          viewer,
          handler,
          target,
          correction,
          input.unaccept ?? false,
        );
        return;
      case ReviewAction.HIDE:
      case ReviewAction.DELETE: {
        const status =
          input.action === ReviewAction.HIDE ? ContentStatus.HIDDEN : ContentStatus.DELETED;
        // What its author deleted stays deleted: hiding it would show it to them again.
        if (target.status !== status && target.status !== ContentStatus.DELETED) {
          await handler.setStatus(manager, target.id, status);
        }
        await this.outbox.record(manager, MODERATION_EVENTS.contentModerated, {
          targetType: target.type,
          targetId: target.id,
          authorId: target.authorId,
          moderatorId: viewer.id,
          action: input.action,
          reason: note,
          label: target.label,
        } satisfies ContentModeratedEvent);
        return;
      }
    }
  }

  private async changed(manager: EntityManager, reviewItemId: string): Promise<void> {
    await this.outbox.record(manager, MODERATION_EVENTS.reviewChanged, {
      reviewItemId,
    } satisfies ReviewChangedEvent);
  }
}
