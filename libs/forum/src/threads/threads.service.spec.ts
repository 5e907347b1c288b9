import {
  ClientMutations,
  ContentStatus,
  OutboxService,
  RequestLoaders,
  Role,
  Transactions,
} from '@app/core';
import { ContentScreening } from '@app/moderation';
import { BoardEntity } from '../boards/board.entity';
import { BoardsRepository } from '../boards/boards.repository';
import { BoardKind, ThreadOrder } from '../forum.enums';
import { ThreadSubscriptionsService } from '../subscriptions/thread-subscriptions.service';
import {
  build,
  clientMutations,
  codeOf,
  screening,
  transactions,
  TX,
  viewer,
} from '../testing/doubles';
import { thread } from './thread.fixture';
import { ThreadEntity } from './thread.entity';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

function board(kind = BoardKind.QUESTIONS): BoardEntity {
  return {
    id: '8c9b7a60-0000-4000-8000-000000000001',
    slug: 'routers',
    name: 'Routers',
    description: '',
    kind,
    threadCount: 0,
    createdAt: new Date(),
  };
}

async function setup(options: { board?: BoardEntity | null; held?: boolean } = {}) {
  const rows = new Map<string, ThreadEntity>();
  const repository = {
    insert: jest.fn(async (row: ThreadEntity) => void rows.set(row.id, thread(row))),
    byId: jest.fn(async (id: string) => rows.get(id) ?? null),
    byIds: jest.fn(async (ids: readonly string[]) => ids.flatMap((id) => rows.get(id) ?? [])),
    page: jest.fn(async () => [...rows.values()]),
    count: jest.fn(async () => rows.size),
    cursorOf: (row: ThreadEntity) => row.id,
  };
  const boards = {
    byId: jest.fn(async () => (options.board === undefined ? board() : options.board)),
    moveThreadCount: jest.fn(async () => undefined),
  };
  const subscriptions = { subscribe: jest.fn(async () => undefined) };
  const outbox = { record: jest.fn(async () => undefined) };
  const service = await build(ThreadsService, [
    [Transactions, transactions],
    [ThreadsRepository, repository],
    [BoardsRepository, boards],
    [ThreadSubscriptionsService, subscriptions],
    [OutboxService, outbox],
    [ContentScreening, screening(options.held)],
    [ClientMutations, clientMutations],
  ]);
  return { service, rows, repository, boards, subscriptions, outbox };
}

const question = {
  boardId: board().id,
  title: '  Router blinks red after update  ',
  body: 'Ping @Alice and @bob about it.',
  tags: ['wifi', 'wifi', 'router'],
};

describe('ThreadsService', () => {
  describe('ask', () => {
    it('asks a question, subscribes its author, counts it on its board and tells of it', async () => {
      const { service, boards, subscriptions, outbox } = await setup();
      const asker = viewer();
      const asked = await service.ask(asker, question);
      expect(asked).toMatchObject({
        title: 'Router blinks red after update',
        tags: ['wifi', 'router'],
        contentStatus: ContentStatus.PUBLISHED,
        authorId: asker.id,
      });
      expect(subscriptions.subscribe).toHaveBeenCalledWith(TX, asked.id, asker.id);
      expect(boards.moveThreadCount).toHaveBeenCalledWith(question.boardId, 1, TX);
      expect(outbox.record).toHaveBeenCalledWith(TX, 'thread.created', {
        threadId: asked.id,
        boardId: question.boardId,
        authorId: asker.id,
        threadTitle: 'Router blinks red after update',
        mentionedHandles: ['alice', 'bob'],
      });
    });

    it('holds a screened question for review: not counted, nobody told', async () => {
      const { service, boards, outbox, subscriptions } = await setup({ held: true });
      const asked = await service.ask(viewer(), question);
      expect(asked.contentStatus).toBe(ContentStatus.PENDING_REVIEW);
      expect(subscriptions.subscribe).toHaveBeenCalled();
      expect(boards.moveThreadCount).not.toHaveBeenCalled();
      expect(outbox.record).not.toHaveBeenCalled();
    });

    it('refuses a short title, a blank body, a missing board and a board of ideas', async () => {
      const { service, repository } = await setup();
      expect(await codeOf(service.ask(viewer(), { ...question, title: ' short  ' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await codeOf(service.ask(viewer(), { ...question, body: '   ' }))).toBe(
        'BAD_USER_INPUT',
      );
      const missing = await setup({ board: null });
      expect(await codeOf(missing.service.ask(viewer(), question))).toBe('NOT_FOUND');
      const ideas = await setup({ board: board(BoardKind.IDEAS) });
      await expect(ideas.service.ask(viewer(), question)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'boardId' },
      });
      expect(repository.insert).not.toHaveBeenCalled();
    });
  });

  describe('reading', () => {
    it('shows a held question to its author and moderators only, in one batch per request', async () => {
      const { service, rows, repository } = await setup();
      const author = viewer();
      const held = thread({ authorId: author.id, contentStatus: ContentStatus.PENDING_REVIEW });
      const open = thread();
      rows.set(held.id, held).set(open.id, open);
      const loaders = new RequestLoaders();
      const [asAuthor, asOther, asModerator, other] = await Promise.all([
        service.findVisible(loaders, held.id, author),
        service.findVisible(loaders, held.id, viewer()),
        service.findVisible(loaders, held.id, viewer(Role.MODERATOR)),
        service.findVisible(loaders, open.id, null),
      ]);
      expect([asAuthor?.id, asOther, asModerator?.id, other?.id]).toEqual([
        held.id,
        null,
        held.id,
        open.id,
      ]);
      expect(repository.byIds).toHaveBeenCalledTimes(1);
    });

    it('says NOT_FOUND for a thread read fresh that does not exist', async () => {
      const { service } = await setup();
      expect(await codeOf(service.getById('7c1d0000-0000-4000-8000-000000000009'))).toBe(
        'NOT_FOUND',
      );
    });

    it('lists a page with its cursors and counts only when asked', async () => {
      const { service, rows, repository } = await setup();
      const one = thread();
      rows.set(one.id, one);
      const page = { direction: 'forward' as const, limit: 20, cursor: null };
      const list = await service.list(null, {}, ThreadOrder.LAST_ACTIVITY, page);
      expect(list.edges.map((edge) => edge.cursor)).toEqual([one.id]);
      expect(repository.page).toHaveBeenCalledWith({
        orderBy: ThreadOrder.LAST_ACTIVITY,
        page,
        viewer: null,
      });
    });
  });
});
