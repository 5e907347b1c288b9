import { NodeRegistry, hasRole, MODERATOR_ROLES } from '@app/core';
import { IdentityModule } from '@app/identity';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CorrectionEntity } from './corrections/correction.entity';
import { CorrectionsResolver } from './corrections/corrections.resolver';
import { CorrectionsRepository } from './corrections/corrections.repository';
import { CorrectionsService } from './corrections/corrections.service';
import { FlagEntity } from './flags/flag.entity';
import { FlagsResolver } from './flags/flags.resolver';
import { FlagsRepository } from './flags/flags.repository';
import { FlagsService } from './flags/flags.service';
import { ModerationQueueLiveResolver } from './live/moderation-queue-live.resolver';
import { ModerationQueueTopic } from './live/moderation-queue-topic';
import { ModerationActionEntity } from './log/moderation-action.entity';
import { ModerationLogModule } from './log/moderation-log.module';
import { ModerationLogResolver } from './log/moderation-log.resolver';
import { ModerationLogService } from './log/moderation-log.service';
import { ModeratableLoader } from './moderatable/moderatable-loader';
import { ModeratableRegistry } from './moderatable/moderatable.registry';
import { ReviewQueueResolver } from './queue/review-queue.resolver';
import { ReviewQueueService } from './queue/review-queue.service';
import { ReviewItemEntity } from './review-items/review-item.entity';
import { ReviewItemsRepository } from './review-items/review-items.repository';
import { ContentFingerprintsRepository } from './screening/content-fingerprints.repository';
import { ContentScreening } from './screening/content-screening';

/**
 * Flags, the review queue, automod, corrections and the log. Content libs import this module to
 * register their Moderatable handlers and to screen new content; it imports none of them.
 */
@Module({
  imports: [
    IdentityModule,
    ModerationLogModule,
    TypeOrmModule.forFeature([
      ReviewItemEntity,
      FlagEntity,
      CorrectionEntity,
      ModerationActionEntity,
    ]),
  ],
  providers: [
    ReviewItemsRepository,
    FlagsRepository,
    CorrectionsRepository,
    ContentFingerprintsRepository,
    ModeratableRegistry,
    ModeratableLoader,
    ContentScreening,
    CorrectionsService,
    CorrectionsResolver,
    FlagsService,
    FlagsResolver,
    ReviewQueueService,
    ReviewQueueResolver,
    ModerationLogService,
    ModerationLogResolver,
    ModerationQueueTopic,
    ModerationQueueLiveResolver,
  ],
  exports: [ModeratableRegistry, ContentScreening, CorrectionsService],
})
export class ModerationModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly queue: ReviewQueueService,
    private readonly log: ModerationLogService,
  ) {
    // Known before the schema is built: the GraphQL module builds it in its onModuleInit.
    nodes.registerType(ModerationActionEntity, 'ModerationAction');
    nodes.registerType(ReviewItemEntity, 'ReviewItem');
  }

  onModuleInit(): void {
    // Review items and log entries are for moderators' eyes only.
    this.nodes.register('ReviewItem', (id, viewer, loaders) =>
      viewer && hasRole(viewer, MODERATOR_ROLES)
        ? this.queue.byId(loaders, id)
        : Promise.resolve(null),
    );
    this.nodes.register('ModerationAction', (id, viewer, loaders) =>
      viewer && hasRole(viewer, MODERATOR_ROLES)
        ? this.log.byId(loaders, id)
        : Promise.resolve(null),
    );
  }
}
