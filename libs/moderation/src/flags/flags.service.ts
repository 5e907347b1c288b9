import {
  badInput,
  clientMutationKey,
  ClientMutations,
  conflict,
  ContentStatus,
  DecodedId,
  notFound,
  OutboxService,
  RequestLoaders,
  Transactions,
  Viewer,
} from '@app/core';
import { ReputationService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FlagInput } from '../dto/moderation.inputs';

/** A flag as a member words it; its target comes decoded beside it. */
export type FlagDraft = Pick<FlagInput, 'reason' | 'note' | 'clientMutationId'>;
import { ModeratableRegistry } from '../moderatable/moderatable.registry';
import { FlagReason } from '../moderation.enums';
import { MODERATION_EVENTS, ReviewChangedEvent } from '../moderation.events';
import { ReviewItemsRepository } from '../review-items/review-items.repository';
import { flagWeight, HIDE_WEIGHT, prioritySortKey } from '../review-items/review-priority';
import { FlagEntity } from './flag.entity';
import { FlagsRepository } from './flags.repository';

/** Members' flags: one per member per target, all open flags of a target on one review item. */
@Injectable()
export class FlagsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly flags: FlagsRepository,
    private readonly items: ReviewItemsRepository,
    private readonly registry: ModeratableRegistry,
    private readonly outbox: OutboxService,
    private readonly clientMutations: ClientMutations,
    private readonly reputation: ReputationService,
  ) {}

  /**
   * Flags someone else's content. The target's row is locked first, so parallel flags on one
   * target queue up behind each other and share a single review item.
   */
  async flag(viewer: Viewer, content: DecodedId, input: FlagDraft): Promise<FlagEntity> {
    const handler = this.registry.handlerOf(content, 'targetId');
    const note = input.note?.trim() || null;
    const mutation = {
      memberId: viewer.id,
      operation: 'flag',
      key: clientMutationKey(input.clientMutationId),
    };
    const resultId = await this.transactions.run((tx) =>
      this.clientMutations.once(tx, mutation, randomUUID(), async (flagId) => {
        const target = await handler.lock(content.id, tx);
        if (!target || target.status !== ContentStatus.PUBLISHED) throw notFound(handler.type);
        if (target.authorId === viewer.id) {
          throw badInput('targetId', 'you cannot flag your own content');
        }
        const reputation = await this.reputation.of(viewer.id, tx);
        const weight = flagWeight(reputation);
        const item =
          (await this.items.openForTarget(target.type, target.id, tx)) ??
          (await this.items.openFlagged(target, tx));
        const inserted = await this.flags.insert(
          {
            id: flagId,
            targetType: target.type,
            targetId: target.id,
            reporterId: viewer.id,
            reason: input.reason,
            note,
            weight,
            reviewItemId: item.id,
          },
          tx,
        );
        if (!inserted) throw conflict('You have already flagged this');
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
        await this.items.updateTallies(item.id, { ...next, priority }, tx);
        if (next.hideWeight >= HIDE_WEIGHT)
          await handler.setStatus(target.id, ContentStatus.HIDDEN, tx);
        await this.outbox.record(tx, MODERATION_EVENTS.reviewChanged, {
          reviewItemId: item.id,
        } satisfies ReviewChangedEvent);
      }),
    );
    const flag = await this.flags.byId(resultId);
    if (!flag) throw notFound('Flag');
    return flag;
  }

  /** The flags of a review item, oldest first, batched through the request's loaders. */
  ofItem(loaders: RequestLoaders, reviewItemId: string): Promise<FlagEntity[]> {
    return loaders
      .get<string, FlagEntity[]>('flags.byItem', async (itemIds) => {
        const rows = await this.flags.ofItems(itemIds);
        return itemIds.map((itemId) => rows.filter((row) => row.reviewItemId === itemId));
      })
      .load(reviewItemId);
  }
}
