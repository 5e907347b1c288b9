import { APP_CONFIG, AppConfig, OutboxService, Tx } from '@app/core';
import { ReputationService } from '@app/identity';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { MODERATION_EVENTS, ReviewChangedEvent } from '../moderation.events';
import { ReviewItemsRepository } from '../review-items/review-items.repository';
import { prioritySortKey } from '../review-items/review-priority';
import { ContentFingerprintsRepository } from './content-fingerprints.repository';
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
    private readonly fingerprints: ContentFingerprintsRepository,
    private readonly items: ReviewItemsRepository,
    private readonly reputation: ReputationService,
  ) {}

  /** Scores the content in `tx`; the caller publishes it, or stores it PENDING_REVIEW when held. */
  async screen(tx: Tx, content: ScreenedContent): Promise<ScreeningVerdict> {
    const fingerprint = createHash('sha256')
      .update(content.text.trim().toLowerCase().replace(/\s+/g, ' '))
      .digest('hex');
    const facts = await this.fingerprints.authorFacts(content.authorId, fingerprint, tx);
    const reputation = await this.reputation.of(content.authorId, tx);
    await this.fingerprints.remember(content.authorId, fingerprint, tx);
    const verdict = screen(
      {
        text: content.text,
        authorReputation: reputation,
        repeatedText: facts.repeated,
        postsLastMinute: facts.recent,
      },
      { blockedWords: this.config.blockedWords, threshold: this.config.automodThreshold },
    );
    if (verdict.held) await this.openReviewItem(tx, content, verdict);
    return verdict;
  }

  private async openReviewItem(
    tx: Tx,
    content: ScreenedContent,
    verdict: ScreeningVerdict,
  ): Promise<void> {
    const createdAt = new Date();
    const priority = prioritySortKey(
      { flagWeight: 0, reporterReputation: 0, automodScore: verdict.score },
      createdAt,
    );
    const reviewItemId = await this.items.openAutomod(
      { type: content.type, id: content.id, authorId: content.authorId },
      priority,
      verdict.reasons,
      createdAt,
      tx,
    );
    await this.outbox.record(tx, MODERATION_EVENTS.reviewChanged, {
      reviewItemId,
    } satisfies ReviewChangedEvent);
  }
}
