import {
  badInput,
  byKeys,
  ContentStatus,
  ModerationLog,
  notFound,
  OutboxService,
  renderMarkdown,
  requestLoader,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ModeratableHandler, ModeratableTarget } from '../moderatable/moderatable';
import { ModeratableRegistry } from '../moderatable/moderatable.registry';
import { MODERATION_EVENTS, PostCorrectedEvent } from '../moderation.events';
import { CorrectionEntity } from './correction.entity';

/** Corrections of bad advice: attached in place, the post's own text left as it was. */
@Injectable()
export class CorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ModeratableRegistry,
    private readonly outbox: OutboxService,
    private readonly log: ModerationLog,
  ) {}

  /** Corrects a post without a flag (agents and moderators). */
  async correctPost(
    viewer: Viewer,
    postGlobalId: string,
    note: string,
    unaccept: boolean,
  ): Promise<string> {
    const { handler, id } = this.registry.resolve(postGlobalId, 'postId');
    if (!handler.correctable) throw badInput('postId', 'only answers can be corrected');
    if (!note.trim()) throw badInput('note', 'must not be blank');
    await this.dataSource.transaction(async (manager) => {
      const target = await handler.lock(manager, id);
      // Held or hidden posts are decided in the queue; a correction never publishes them.
      if (!target || target.status !== ContentStatus.PUBLISHED) throw notFound('Post');
      await this.attach(manager, viewer, handler, target, note, unaccept);
      await this.log.append(manager, {
        actorId: viewer.id,
        action: 'CORRECT',
        targetType: target.type,
        targetId: target.id,
        targetUserId: target.authorId,
        reason: note.trim(),
      });
    });
    return id;
  }

  /**
   * Attaches a correction inside the caller's transaction, optionally withdrawing the solution
   * mark, and records the event that tells everyone who relied on the advice.
   */
  async attach(
    manager: EntityManager,
    viewer: Viewer,
    handler: ModeratableHandler,
    target: ModeratableTarget,
    note: string,
    unaccept: boolean,
  ): Promise<void> {
    const acceptedById = (await handler.acceptedBy?.(manager, target.id)) ?? null;
    if (unaccept) {
      if (!handler.unaccept) throw badInput('unaccept', 'only an answer can be unaccepted');
      await handler.unaccept(manager, target.id);
    }
    // A correction from the queue also decides held or hidden advice: it goes back up, corrected.
    if (isHeldOrHidden(target.status)) {
      await handler.setStatus(manager, target.id, ContentStatus.PUBLISHED);
    }
    const correctionId = randomUUID();
    await manager.insert(CorrectionEntity, {
      id: correctionId,
      postId: target.id,
      moderatorId: viewer.id,
      note: note.trim(),
      noteHtml: renderMarkdown(note.trim()),
    });
    await this.outbox.record(manager, MODERATION_EVENTS.postCorrected, {
      postId: target.id,
      correctionId,
      authorId: target.authorId,
      moderatorId: viewer.id,
      acceptedById,
      unaccepted: unaccept && acceptedById !== null,
      label: target.label,
    } satisfies PostCorrectedEvent);
  }

  /** The latest correction of a post, batched per request. */
  latest(ctx: object, postId: string): Promise<CorrectionEntity | null> {
    return requestLoader<string, CorrectionEntity | null>(
      ctx,
      'corrections.latest',
      async (postIds) => {
        const rows: CorrectionEntity[] = await this.dataSource.manager
          .createQueryBuilder(CorrectionEntity, 'c')
          .distinctOn(['c.post_id'])
          .where('c.post_id = ANY(:postIds::uuid[])', { postIds })
          .orderBy('c.post_id')
          .addOrderBy('c.created_at', 'DESC')
          .getMany();
        return byKeys(postIds, rows, (row) => row.postId, null);
      },
    ).load(postId);
  }
}

/** Content a moderator's decision can put (back) in view: never what its author deleted. */
export function isHeldOrHidden(status: ContentStatus): boolean {
  return status === ContentStatus.PENDING_REVIEW || status === ContentStatus.HIDDEN;
}
