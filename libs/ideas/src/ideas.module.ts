import { CommentType } from './comments/comment.type';
import { IdeaType } from './ideas/idea.type';
import { ExportJobEntity } from './export/export-job.entity';
import { FollowableRegistry, NodeRegistry } from '@app/core';
import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { ModeratableRegistry, ModerationModule } from '@app/moderation';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommentEntity } from './comments/comment.entity';
import { CommentsResolver } from './comments/comments.resolver';
import { CommentsRepository } from './comments/comments.repository';
import { CommentsService } from './comments/comments.service';
import { IdeaExportsModule } from './export/idea-exports.module';
import { IdeaEntity } from './ideas/idea.entity';
import { IdeaFollowable } from './ideas/idea-followable';
import { IdeaFollowersRepository } from './ideas/idea-followers.repository';
import { IdeasRepository } from './ideas/ideas.repository';
import { IdeasResolver } from './ideas/ideas.resolver';
import { IdeasService } from './ideas/ideas.service';
import { CommentModerationHandler } from './moderation/comment-moderation.handler';
import { IdeaModerationHandler } from './moderation/idea-moderation.handler';
import { IdeaStatusService } from './status/idea-status.service';
import { VotesRepository } from './votes/votes.repository';
import { VotesService } from './votes/votes.service';
import { WeighedVotes } from './votes/weighed-votes';

/** Ideas: submitting, voting, comments, statuses, merges and CSV exports. */
@Module({
  imports: [
    IdentityModule,
    ForumModule,
    ModerationModule,
    TypeOrmModule.forFeature([IdeaEntity, CommentEntity]),
    IdeaExportsModule,
  ],
  providers: [
    IdeasRepository,
    VotesRepository,
    WeighedVotes,
    IdeaFollowersRepository,
    CommentsRepository,
    IdeasService,
    IdeasResolver,
    IdeaFollowable,
    VotesService,
    CommentsService,
    CommentsResolver,
    IdeaStatusService,
    IdeaModerationHandler,
    CommentModerationHandler,
  ],
  exports: [IdeaExportsModule],
})
export class IdeasModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly moderatables: ModeratableRegistry,
    private readonly ideas: IdeasService,
    private readonly comments: CommentsService,
    private readonly ideaModeration: IdeaModerationHandler,
    private readonly commentModeration: CommentModerationHandler,
    private readonly followables: FollowableRegistry,
    private readonly ideaFollowable: IdeaFollowable,
  ) {
    // Known before the schema is built: the GraphQL module builds it in its onModuleInit.
    nodes.registerType(ExportJobEntity, 'ExportJob');
    nodes.registerType(IdeaEntity, 'Idea');
    nodes.registerType(CommentEntity, 'Comment');
    moderatables.registerType(IdeaType);
    moderatables.registerType(CommentType);
  }

  onModuleInit(): void {
    this.nodes.register('Idea', (id, viewer, loaders) =>
      this.ideas.findVisible(loaders, id, viewer),
    );
    this.nodes.register('Comment', (id, viewer, loaders) =>
      this.comments.findVisible(loaders, id, viewer),
    );
    this.moderatables.register(this.ideaModeration);
    this.moderatables.register(this.commentModeration);
    this.followables.register('Idea', this.ideaFollowable);
  }
}
