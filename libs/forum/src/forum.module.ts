import { ThreadType } from './threads/thread.type';
import { PostType } from './posts/post.type';
import { FollowableRegistry, NodeRegistry } from '@app/core';
import { IdentityModule } from '@app/identity';
import { ModeratableRegistry, ModerationModule } from '@app/moderation';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoardEntity } from './boards/board.entity';
import { BoardsRepository } from './boards/boards.repository';
import { BoardsResolver } from './boards/boards.resolver';
import { BoardsService } from './boards/boards.service';
import { PostEntity } from './posts/post.entity';
import { PostsRepository } from './posts/posts.repository';
import { PostsResolver } from './posts/posts.resolver';
import { PostsService } from './posts/posts.service';
import { MemberAnswersResolver } from './posts/member-answers.resolver';
import { SitemapRepository } from './sitemap/sitemap.repository';
import { SitemapResolver } from './sitemap/sitemap.resolver';
import { SitemapService } from './sitemap/sitemap.service';
import { ThreadSearchRepository } from './search-source/thread-search.repository';
import { ThreadSubscriptionsRepository } from './subscriptions/thread-subscriptions.repository';
import { ThreadSubscriptionsService } from './subscriptions/thread-subscriptions.service';
import { KudosRepository } from './kudos/kudos.repository';
import { KudosService } from './kudos/kudos.service';
import { PostEditsService } from './revisions/post-edits.service';
import { MarkdownPreviewResolver } from './preview/markdown-preview.resolver';
import { PostRevisionEntity } from './revisions/post-revision.entity';
import { PostRevisionsRepository } from './revisions/post-revisions.repository';
import { PostRevisionsResolver } from './revisions/post-revisions.resolver';
import { ThreadEntity } from './threads/thread.entity';
import { ThreadsRepository } from './threads/threads.repository';
import { ThreadsResolver } from './threads/threads.resolver';
import { ThreadsService } from './threads/threads.service';
import { ThreadFollowable } from './threads/thread-followable';
import { ThreadAnswersResolver } from './posts/thread-answers.resolver';
import { KudosResolver } from './kudos/kudos.resolver';
import { PostEditsResolver } from './revisions/post-edits.resolver';
import { SolutionsResolver } from './solutions/solutions.resolver';
import { SolutionsService } from './solutions/solutions.service';
import { PostModerationHandler } from './moderation/post-moderation.handler';
import { ThreadModerationHandler } from './moderation/thread-moderation.handler';
import { QuestionsAwaitingAnswerRepository } from './awaiting-answer/questions-awaiting-answer.repository';
import { CommunityFiguresRepository } from './community-figures/community-figures.repository';

/*
 * Folders depend one way, from the bottom up, so that none imports another that imports it back:
 *   boards, subscriptions  <-  threads  <-  posts  <-  solutions, kudos  <-  revisions
 * (revisions uses solutions to withdraw a deleted answer's mark). A field that shows a higher
 * folder's data on a lower type is declared in the higher folder's resolver: Thread.answers in
 * posts/, Thread.acceptedSolution in solutions/, Post.viewerHasGivenKudo in kudos/, Post.revisions
 * in revisions/. moderation/ and search-source/ sit on top and only read the folders below.
 */
@Module({
  imports: [
    IdentityModule,
    ModerationModule,
    TypeOrmModule.forFeature([BoardEntity, ThreadEntity, PostEntity, PostRevisionEntity]),
  ],
  providers: [
    BoardsRepository,
    BoardsService,
    BoardsResolver,
    ThreadsRepository,
    ThreadsService,
    ThreadsResolver,
    PostsRepository,
    PostsService,
    PostsResolver,
    MemberAnswersResolver,
    ThreadAnswersResolver,
    SolutionsService,
    SolutionsResolver,
    SitemapRepository,
    SitemapService,
    SitemapResolver,
    ThreadSubscriptionsRepository,
    ThreadSubscriptionsService,
    ThreadFollowable,
    KudosRepository,
    KudosService,
    KudosResolver,
    PostRevisionsRepository,
    PostEditsService,
    PostEditsResolver,
    PostRevisionsResolver,
    MarkdownPreviewResolver,
    ThreadModerationHandler,
    PostModerationHandler,
    ThreadSearchRepository,
    QuestionsAwaitingAnswerRepository,
    CommunityFiguresRepository,
  ],
  exports: [
    ThreadSubscriptionsService,
    ThreadsService,
    PostsService,
    SolutionsService,
    KudosService,
    KudosResolver,
    BoardsService,
    ThreadSearchRepository,
    QuestionsAwaitingAnswerRepository,
    CommunityFiguresRepository,
  ],
})
export class ForumModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly boards: BoardsService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly moderatables: ModeratableRegistry,
    private readonly threadModeration: ThreadModerationHandler,
    private readonly postModeration: PostModerationHandler,
    private readonly followables: FollowableRegistry,
    private readonly threadFollowable: ThreadFollowable,
  ) {
    // Known before the schema is built: the GraphQL module builds it in its onModuleInit.
    nodes.registerType(PostEntity, 'Post');
    nodes.registerType(BoardEntity, 'Board');
    nodes.registerType(ThreadEntity, 'Thread');
    moderatables.registerType(PostType);
    moderatables.registerType(ThreadType);
  }

  onModuleInit(): void {
    this.nodes.register('Board', (id, _viewer, loaders) => this.boards.load(loaders, id));
    this.nodes.register('Thread', (id, viewer, loaders) =>
      this.threads.findVisible(loaders, id, viewer),
    );
    this.nodes.register('Post', (id, viewer, loaders) =>
      this.posts.findVisible(loaders, id, viewer),
    );
    this.moderatables.register(this.threadModeration);
    this.moderatables.register(this.postModeration);
    this.followables.register('Thread', this.threadFollowable);
  }
}
