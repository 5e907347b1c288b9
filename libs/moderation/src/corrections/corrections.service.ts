import {
  badInput,
  byKeys,
  ContentStatus,
  DecodedId,
  ModerationLog,
  notFound,
  OutboxService,
  renderMarkdown,
  RequestLoaders,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ModeratableHandler, ModeratableTarget } from '../moderatable/moderatable';
import { ModeratableRegistry } from '../moderatable/moderatable.registry';
import { MODERATION_EVENTS, PostCorrectedEvent } from '../moderation.events';
import { CorrectionEntity } from './correction.entity';
import { CorrectionsRepository } from './corrections.repository';

/** Corrections of bad advice: attached in place, the post's own text left as it was. */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly corrections: CorrectionsRepository,
    private readonly registry: ModeratableRegistry,
    private readonly outbox: OutboxService,
    private readonly log: ModerationLog,
  ) {}

  /** Corrects a post without a flag (agents and moderators); `post` comes from ModeratableRegistry.decode. */
  async correctPost(
    viewer: Viewer,
    post: DecodedId,
    note: string,
    unaccept: boolean,
  ): Promise<string> {
    const handler = this.registry.handlerOf(post, 'postId');
    if (!handler.correctable) throw badInput('postId', 'only answers can be corrected');
    if (!note.trim()) throw badInput('note', 'must not be blank');
    await this.transactions.run(async (tx) => {
      const target = await handler.lock(post.id, tx);
      // Held or hidden posts are decided in the queue; a correction never publishes them.
      if (!target || target.status !== ContentStatus.PUBLISHED) throw notFound('Post');
      await this.attach(viewer, handler, target, note, unaccept, tx);
      await this.log.append(tx, {
        actorId: viewer.id,
        action: 'CORRECT',
        targetType: target.type,
        targetId: target.id,
        targetUserId: target.authorId,
        reason: note.trim(),
      });
    });
    return post.id;
  }

  /**
   * Attaches a correction inside the caller's transaction, optionally withdrawing the solution
   * mark, and records the event that tells everyone who relied on the advice.
   */
  async attach(
    viewer: Viewer,
    handler: ModeratableHandler,
    target: ModeratableTarget,
    note: string,
    unaccept: boolean,
    tx: Tx,
  ): Promise<void> {
    const acceptedById = (await handler.acceptedBy?.(target.id, tx)) ?? null;
    if (unaccept) {
      if (!handler.unaccept) throw badInput('unaccept', 'only an answer can be unaccepted');
      await handler.unaccept(target.id, tx);
    }
    // A correction from the queue also decides held or hidden advice: it goes back up, corrected.
    if (isHeldOrHidden(target.status)) {
      await handler.setStatus(target.id, ContentStatus.PUBLISHED, tx);
    }
    const correctionId = randomUUID();
    await this.corrections.insert(
      {
        id: correctionId,
        postId: target.id,
        moderatorId: viewer.id,
        note: note.trim(),
        noteHtml: renderMarkdown(note.trim()),
      },
      tx,
    );
    await this.outbox.record(tx, MODERATION_EVENTS.postCorrected, {
      postId: target.id,
      correctionId,
      authorId: target.authorId,
      moderatorId: viewer.id,
      acceptedById,
      unaccepted: unaccept && acceptedById !== null,
      label: target.label,
    } satisfies PostCorrectedEvent);
  }

  /**
   * The latest correction of a post, batched per request. At stage 1, after the posts: a thread
   * page's solution and its answers arrive at different times, and their corrections are still
   * one statement.
   */
  latest(loaders: RequestLoaders, postId: string): Promise<CorrectionEntity | null> {
    return loaders
      .get<
        string,
        CorrectionEntity | null
      >('corrections.latest', async (postIds) => byKeys(postIds, await this.corrections.latestOf(postIds), (row) => row.postId, null), 1)
      .load(postId);
  }
}

/** Content a moderator's decision can put (back) in view: never what its author deleted. */
export function isHeldOrHidden(status: ContentStatus): boolean {
  return status === ContentStatus.PENDING_REVIEW || status === ContentStatus.HIDDEN;
}
