import {
  badInput,
  byKeys,
  conflict,
  Connection,
  ContentStatus,
  ModerationLog,
  notFound,
  OutboxService,
  PageRequest,
  RequestLoaders,
  toConnection,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { CorrectionsService, isHeldOrHidden } from '../corrections/corrections.service';
import { ResolveReviewItemInput } from '../dto/moderation.inputs';
import { ModeratableHandler, ModeratableTarget } from '../moderatable/moderatable';
import { ModeratableRegistry } from '../moderatable/moderatable.registry';
import { ReviewAction, ReviewItemStatus } from '../moderation.enums';
import { ContentModeratedEvent, MODERATION_EVENTS, ReviewChangedEvent } from '../moderation.events';
import { ReviewItemEntity } from '../review-items/review-item.entity';
import { queueCursorOf, ReviewItemsRepository } from '../review-items/review-items.repository';

/** A moderator's decision on an item; the item comes decoded beside it. */
export type ReviewDecision = Omit<ResolveReviewItemInput, 'id'>;

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
    private readonly transactions: Transactions,
    private readonly items: ReviewItemsRepository,
    private readonly registry: ModeratableRegistry,
    private readonly corrections: CorrectionsService,
    private readonly outbox: OutboxService,
    private readonly log: ModerationLog,
  ) {}

  /** A keyset page of the items in `status`: highest priority first, then oldest. */
  async list(status: ReviewItemStatus, page: PageRequest): Promise<Connection<ReviewItemEntity>> {
    const rows = await this.items.page(status, page);
    return toConnection(rows, page, {
      cursorOf: queueCursorOf,
      nodeOf: (row) => row,
      totalCount: () => this.items.countInStatus(status),
    });
  }

  /** An item as it is now, read afresh (outside any request's batching), or null. */
  find(id: string): Promise<ReviewItemEntity | null> {
    return this.items.byId(id);
  }

  /** An item by UUID, batched through the request's loaders. */
  byId(loaders: RequestLoaders, id: string): Promise<ReviewItemEntity | null> {
    return loaders
      .get<
        string,
        ReviewItemEntity | null
      >('reviewItems.byId', async (ids) => byKeys(ids, await this.items.byIds(ids), (row) => row.id, null))
      .load(id);
  }

  /** Claims an item for 15 minutes; another moderator's live claim or a resolution is CONFLICT. */
  async claim(viewer: Viewer, id: string): Promise<ReviewItemEntity> {
    await this.transactions.run(async (tx) => {
      if (!(await this.items.claim(id, viewer.id, CLAIM_MINUTES, tx))) {
        const item = await this.items.byId(id, tx);
        if (!item) throw notFound('ReviewItem');
        throw conflict(
          item.status === ReviewItemStatus.RESOLVED
            ? 'This item is already resolved'
            : 'Another moderator is working on this item',
        );
      }
      await this.changed(tx, id);
    });
    return this.current(id);
  }

  /** Resolves an item with one action on its target, logs it and tells the author. */
  async resolve(viewer: Viewer, id: string, input: ReviewDecision): Promise<ReviewItemEntity> {
    const note = input.note?.trim() || null;
    const correction = input.correction?.trim() ?? '';
    if (input.action === ReviewAction.CORRECT && !correction) {
      throw badInput('correction', 'is required to correct a post');
    }
    if (input.unaccept && input.action !== ReviewAction.CORRECT) {
      throw badInput('unaccept', 'applies only with CORRECT');
    }
    await this.transactions.run(async (tx) => {
      const unlocked = await this.items.byId(id, tx);
      if (!unlocked) throw notFound('ReviewItem');
      const handler = this.registry.get(unlocked.targetType);
      if (!handler) throw notFound('ReviewItem');
      // The target first, then the item: the same order as flagging, so the two never deadlock.
      const target = await handler.lock(unlocked.targetId, tx);
      const item = await this.items.lockById(id, tx);
      if (!item || !target) throw notFound('ReviewItem');
      this.assertResolvable(item, viewer);
      await this.apply(viewer, handler, target, input, note, correction, tx);
      await this.items.resolve(
        id,
        { resolution: input.action, resolutionNote: note, resolvedBy: viewer.id },
        tx,
      );
      await this.log.append(tx, {
        actorId: viewer.id,
        action: `RESOLVE_${input.action}`,
        targetType: target.type,
        targetId: target.id,
        targetUserId: target.authorId,
        reason: input.action === ReviewAction.CORRECT ? correction : note,
      });
      await this.changed(tx, id);
    });
    return this.current(id);
  }

  /** An item just changed by this service, as it now is. */
  private async current(id: string): Promise<ReviewItemEntity> {
    const item = await this.items.byId(id);
    if (!item) throw notFound('ReviewItem');
    return item;
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
    viewer: Viewer,
    handler: ModeratableHandler,
    target: ModeratableTarget,
    input: ReviewDecision,
    note: string | null,
    correction: string,
    tx: Tx,
  ): Promise<void> {
    switch (input.action) {
      case ReviewAction.APPROVE:
      case ReviewAction.DISMISS:
        // Both leave the content up: held or hidden content is published, deleted stays so.
        if (isHeldOrHidden(target.status)) {
          await handler.setStatus(target.id, ContentStatus.PUBLISHED, tx);
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
          viewer,
          handler,
          target,
          correction,
          input.unaccept ?? false,
          tx,
        );
        return;
      case ReviewAction.HIDE:
      case ReviewAction.DELETE: {
        const status =
          input.action === ReviewAction.HIDE ? ContentStatus.HIDDEN : ContentStatus.DELETED;
        // What its author deleted stays deleted: hiding it would show it to them again.
        if (target.status !== status && target.status !== ContentStatus.DELETED) {
          await handler.setStatus(target.id, status, tx);
        }
        await this.outbox.record(tx, MODERATION_EVENTS.contentModerated, {
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

  private async changed(tx: Tx, reviewItemId: string): Promise<void> {
    await this.outbox.record(tx, MODERATION_EVENTS.reviewChanged, {
      reviewItemId,
    } satisfies ReviewChangedEvent);
  }
}
