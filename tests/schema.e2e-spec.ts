import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaSdl } from '../apps/api/src/graphql/schema-sdl';
import { TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');

/** The parts of the contract this platform serves so far; the list grows with each feature. */
const SERVED = [
  'Query.node',
  'Query.viewer',
  'Query.user',
  'Query.boards',
  'Query.board',
  'Query.thread',
  'Query.threads',
  'Query.notifications',
  'Query.unreadNotificationCount',
  'Mutation.register',
  'Mutation.login',
  'Mutation.setUserRole',
  'Mutation.sanctionUser',
  'Mutation.createBoard',
  'Mutation.askQuestion',
  'Mutation.postAnswer',
  'Mutation.acceptSolution',
  'Mutation.unacceptSolution',
  'Mutation.markNotificationsRead',
  'Mutation.editPost',
  'Mutation.deletePost',
  'Mutation.giveKudo',
  'Mutation.removeKudo',
  'Mutation.subscribe',
  'Mutation.unsubscribe',
  'Mutation.flag',
  'Mutation.claimReviewItem',
  'Mutation.resolveReviewItem',
  'Mutation.correctPost',
  'Query.search',
  'Query.similarThreads',
  'Query.moderationQueue',
  'Query.moderationLog',
  'Subscription.threadActivity',
  'Subscription.notificationAdded',
  'Subscription.moderationQueueChanged',
  'EditPostInput',
  'SearchHit',
  'SearchHitEdge',
  'SearchHitConnection',
  'FlagReason',
  'Flag',
  'FlagInput',
  'Moderatable',
  'ReviewItemKind',
  'ReviewItemStatus',
  'ReviewAction',
  'ReviewItem',
  'ReviewItemEdge',
  'ReviewItemConnection',
  'ResolveReviewItemInput',
  'CorrectPostInput',
  'ModerationAction',
  'ModerationActionEdge',
  'ModerationActionConnection',
  'Node',
  'PageInfo',
  'Role',
  'AccountStatus',
  'User',
  'AuthPayload',
  'RegisterInput',
  'LoginInput',
  'SanctionInput',
  'BoardKind',
  'Board',
  'CreateBoardInput',
  'ThreadStatus',
  'ContentStatus',
  'Thread',
  'AnswerOrder',
  'ThreadEdge',
  'ThreadConnection',
  'ThreadFilter',
  'ThreadOrder',
  'Post',
  'PostEdge',
  'PostConnection',
  'PostRevision',
  'Correction',
  'AskQuestionInput',
  'PostAnswerInput',
  'NotificationKind',
  'Notification',
  'NotificationEdge',
  'NotificationConnection',
];

describe('the GraphQL schema', () => {
  const app = new TestApp();
  beforeAll(() => app.start());
  afterAll(() => app.stop());

  it('is committed up to date at apps/api/schema.gql (run npm run schema after changing the API)', () => {
    const generated = schemaSdl(app.api.get(GraphQLSchemaHost).schema);
    expect(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8')).toBe(generated);
  });

  it('keeps every part of the contract that the platform serves', () => {
    const contract = buildSchema(
      readFileSync(join(ROOT, '../shared/contract/schema.graphql'), 'utf8'),
    );
    const served = (description: string) =>
      SERVED.some(
        (name) => description.startsWith(`${name} `) || description.startsWith(`${name}.`),
      );
    const broken = findBreakingChanges(contract, app.api.get(GraphQLSchemaHost).schema)
      .map((change) => change.description)
      .filter(served);
    expect(broken).toEqual([]);
  });
});
