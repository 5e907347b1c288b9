import {
  badInput,
  clientMutationKey,
  ClientMutations,
  conflict,
  ContentStatus,
  notFound,
  OutboxService,
  requestLoader,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { FlagInput } from '../dto/moderation.inputs';
import { ModeratableRegistry } from '../moderatable/moderatable.registry';
import { ModeratableTarget } from '../moderatable/moderatable';
import { FlagReason, ReviewItemKind, ReviewItemStatus } from '../moderation.enums';
import { MODERATION_EVENTS, ReviewChangedEvent } from '../moderation.events';
import { ReviewItemEntity } from '../review-items/review-item.entity';
import { flagWeight, HIDE_WEIGHT, prioritySortKey } from '../review-items/review-priority';
import { FlagEntity } from './flag.entity';

/** Members' flags: one per member per target, all open flags of a target on one review item. */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ModeratableRegistry,
    private readonly outbox: OutboxService,
    private readonly clientMutations: ClientMutations,
  ) {}

  /**
   * Flags someone else's content. The target's row is locked first, so parallel flags on one
   * target queue up behind each other and share a single review item.
   */
  async flag(viewer: Viewer, input: FlagInput): Promise<FlagEntity> {
    const { handler, id } = this.registry.resolve(input.targetId, 'targetId');
    const note = input.note?.trim() || null;
    const mutation = {
      memberId: viewer.id,
      operation: 'flag',
      key: clientMutationKey(input.clientMutationId),
    };
    const resultId = await this.dataSource.transaction((manager) =>
      this.clientMutations.once(manager, mutation, randomUUID(), async (flagId) => {
        const target = await handler.lock(manager, id);
        if (!target || target.status !== ContentStatus.PUBLISHED) throw notFound(handler.type);
        if (target.authorId === viewer.id) {
          throw badInput('targetId', 'you cannot flag your own content');
        }
        const [{ reputation }]: Array<{ reputation: number }> = await manager.query(
          `SELECT reputation FROM users WHERE id = $1`,
          [viewer.id],
        );
        const weight = flagWeight(reputation);
        const item = await this.openItem(manager, target);
        const inserted: unknown[] = await manager.query(
          `INSERT INTO flags (id, target_type, target_id, reporter_id, reason, note, weight, review_item_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT ON CONSTRAINT flags_one_per_member_key DO NOTHING RETURNING id`,
          [flagId, target.type, target.id, viewer.id, input.reason, note, weight, item.id],
        );
        if (inserted.length === 0) throw conflict('You have already flagged this');
        const hides = input.reason !== FlagReason.INCORRECT_ADVICE;
        const next = {
          flagCount: item.flagCount + 1,
          flagWeight: item.flagWeight + weight,
          hideWeight: item.hideWeight + (hides ? weight : 0),
          reporterReputation: item.reporterReputation + Math.max(reputation, 0),
          reasons: item.reasons.includes(input.reason)
            ? item.reasons
            : [...item.reasons, input.reason],
        };
        const priority = prioritySortKey({ ...next, automodScore: 0 }, item.createdAt);
        await manager.update(ReviewItemEntity, { id: item.id }, { ...next, priority });
        if (next.hideWeight >= HIDE_WEIGHT)
          await handler.setStatus(manager, target.id, ContentStatus.HIDDEN);
        await this.outbox.record(manager, MODERATION_EVENTS.reviewChanged, {
          reviewItemId: item.id,
        } satisfies ReviewChangedEvent);
      }),
    );
    return this.dataSource.manager.findOneByOrFail(FlagEntity, { id: resultId });
  }

  /** The flags of review items, oldest first, batched per request. */
  ofItem(ctx: object, reviewItemId: string): Promise<FlagEntity[]> {
    return requestLoader<string, FlagEntity[]>(ctx, 'flags.byItem', async (itemIds) => {
      const rows = await this.dataSource.manager.find(FlagEntity, {
        where: { reviewItemId: In([...itemIds]) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return itemIds.map((itemId) => rows.filter((row) => row.reviewItemId === itemId));
    }).load(reviewItemId);
  }

  /** The target's open review item, locked; a new FLAGGED one when none is open. */
  private async openItem(
    manager: EntityManager,
    target: ModeratableTarget,
  ): Promise<ReviewItemEntity> {
    const open = await manager
      .createQueryBuilder(ReviewItemEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.target_type = :type AND r.target_id = :id AND r.status <> :resolved', {
        type: target.type,
        id: target.id,
        resolved: ReviewItemStatus.RESOLVED,
      })
      .getOne();
    if (open) return open;
    const id = randomUUID();
    await manager.insert(ReviewItemEntity, {
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
    return manager.findOneByOrFail(ReviewItemEntity, { id });
  }
}
