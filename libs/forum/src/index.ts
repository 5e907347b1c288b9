export * from './forum.events';
export * from './forum.module';
export { KudosService } from './kudos/kudos.service';
export { ThreadSubscriptionsService } from './subscriptions/thread-subscriptions.service';
export * from './forum.enums';
// Entities go out as types only: other libs read the shape of what a service returns, and
// cannot reach the table (no repository can be made of a type).
export type { PostEntity } from './posts/post.entity';
export { PostType } from './posts/post.type';
export { PostsService } from './posts/posts.service';
export { SolutionsService } from './solutions/solutions.service';
export type { ThreadEntity } from './threads/thread.entity';
export { ThreadType } from './threads/thread.type';
export { ThreadsService } from './threads/threads.service';
export { BoardType } from './boards/board.type';
export { BoardsService } from './boards/boards.service';
export * from './search-source';
export * from './awaiting-answer/questions-awaiting-answer.repository';
export * from './community-figures/community-figures.repository';
