import { APP_CONFIG, AppConfig, OutboxService } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ReviewItemKind, ReviewItemStatus } from '../moderation.enums';
import { MODERATION_EVENTS, ReviewChangedEvent } from '../moderation.events';
import { prioritySortKey } from '../review-items/review-priority';
import { screen, ScreeningVerdict } from './screening-rules';

/** New content as automod sees it. */
export interface ScreenedContent {
  type: string;
  id: string;
  authorId: string;
  text: string;
}

/**
 * Automod, called by the content libs in the transaction that inserts new content: gathers the
 * author's facts, scores the text, remembers its fingerprint for later repeats and bursts, and
 * when the content is held opens an AUTOMOD review item saying which rules fired.
 */
@Injectable()
export class ContentScreening {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** Scores the content; the caller publishes it, or stores it PENDING_REVIEW when held. */
  async screen(manager: EntityManager, content: ScreenedContent): Promise<ScreeningVerdict> {
    const fingerprint = createHash('sha256')
      .update(content.text.trim().toLowerCase().replace(/\s+/g, ' '))
      .digest('hex');
    const [facts]: Array<{ reputation: number; repeated: boolean; recent: number }> =
      await manager.query(
        `SELECT u.reputation,
                EXISTS (SELECT 1 FROM content_fingerprints f
                         WHERE f.author_id = u.id AND f.fingerprint = $2
                           AND f.created_at > now() - interval '1 day') AS repeated,
                (SELECT count(*)::int FROM content_fingerprints f
                  WHERE f.author_id = u.id AND f.created_at > now() - interval '1 minute') AS recent
           FROM users u WHERE u.id = $1`,
        [content.authorId, fingerprint],
      );
    await manager.query(
      `INSERT INTO content_fingerprints (author_id, fingerprint) VALUES ($1, $2)`,
      [content.authorId, fingerprint],
    );
    const verdict = screen(
      {
        text: content.text,
        authorReputation: facts.reputation,
        repeatedText: facts.repeated,
        postsLastMinute: facts.recent,
      },
      { blockedWords: this.config.blockedWords, threshold: this.config.automodThreshold },
    );
    if (verdict.held) await this.openReviewItem(manager, content, verdict);
    return verdict;
  }

  private async openReviewItem(
    manager: EntityManager,
    content: ScreenedContent,
    verdict: ScreeningVerdict,
  ): Promise<void> {
    const id = randomUUID();
    const createdAt = new Date();
    await manager.query(
      `INSERT INTO review_items (id, kind, status, target_type, target_id, target_author_id, priority, reasons, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        ReviewItemKind.AUTOMOD,
        ReviewItemStatus.PENDING,
        content.type,
        content.id,
        content.authorId,
        prioritySortKey(
          { flagWeight: 0, reporterReputation: 0, automodScore: verdict.score },
          createdAt,
        ),
        verdict.reasons,
        createdAt,
      ],
    );
    await this.outbox.record(manager, MODERATION_EVENTS.reviewChanged, {
      reviewItemId: id,
    } satisfies ReviewChangedEvent);
  }
}
