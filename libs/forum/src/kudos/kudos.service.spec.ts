import { ContentStatus, OutboxService, RequestLoaders, Role, Transactions } from '@app/core';
import { KUDO_REPUTATION, ReputationService } from '@app/identity';
import { PostEntity } from '../posts/post.entity';
import { PostsRepository } from '../posts/posts.repository';
import { build, codeOf, transactions, TX, viewer } from '../testing/doubles';
import { thread } from '../threads/thread.fixture';
import { post } from '../posts/post.fixture';
import { KudosRepository } from './kudos.repository';
import { KudosService } from './kudos.service';

/**
 * Kudos over a set of (post, member) pairs, answering as the primary key would, with the count
 * kept per post; `calls` logs the writes in the order they were made.
 */
function fakeKudos(calls: string[], threadTitle: string) {
  const given = new Set<string>();
  const counts = new Map<string, number>();
  return {
    given,
    mark: jest.fn(async (postId: string, userId: string) => {
      calls.push('mark');
      const key = `${postId}/${userId}`;
      if (given.has(key)) return false;
      given.add(key);
      return true;
    }),
    unmark: jest.fn(async (postId: string, userId: string) => {
      calls.push('unmark');
      return given.delete(`${postId}/${userId}`);
    }),
    moveCount: jest.fn(async (postId: string, delta: number) => {
      calls.push('count');
      counts.set(postId, (counts.get(postId) ?? 0) + delta);
      return counts.get(postId) ?? 0;
    }),
    threadTitleOf: jest.fn(async () => threadTitle),
    givenAmong: jest.fn(async (userId: string, postIds: readonly string[]) =>
      postIds.map((id) => given.has(`${id}/${userId}`)),
    ),
    giverPage: jest.fn(async () => []),
  };
}

async function setup() {
  const question = thread();
  const posts = new Map<string, PostEntity>();
  const calls: string[] = [];
  const kudos = fakeKudos(calls, question.title);
  const reputation = { award: jest.fn(async () => void calls.push('reputation')) };
  const outbox = { record: jest.fn(async () => void calls.push('event')) };
  const service = await build(KudosService, [
    [Transactions, transactions],
    [KudosRepository, kudos],
    [PostsRepository, { byId: async (id: string) => posts.get(id) ?? null }],
    [ReputationService, reputation],
    [OutboxService, outbox],
  ]);
  const answer = (overrides: Partial<PostEntity> = {}) => {
    const row = post({ threadId: question.id, ...overrides });
    posts.set(row.id, row);
    return row;
  };
  return { service, question, answer, kudos, reputation, outbox, calls };
}

describe('KudosService', () => {
  it("gives a kudo once: the author's reputation moves and the author is told, once", async () => {
    const { service, question, answer, reputation, outbox } = await setup();
    const giver = viewer();
    const good = answer();
    await service.give(giver, good.id);
    await service.give(giver, good.id);
    expect(reputation.award).toHaveBeenCalledTimes(1);
    expect(reputation.award).toHaveBeenCalledWith(TX, good.authorId, KUDO_REPUTATION);
    expect(outbox.record).toHaveBeenCalledTimes(1);
    expect(outbox.record).toHaveBeenCalledWith(TX, 'kudo.given', {
      postId: good.id,
      threadId: question.id,
      giverId: giver.id,
      authorId: good.authorId,
      threadTitle: question.title,
    });
  });

  it('moves the counts last, once the kudo row and its event are written, and answers with the count', async () => {
    const { service, answer, calls } = await setup();
    const good = answer();
    expect((await service.give(viewer(), good.id)).kudosCount).toBe(1);
    expect(calls).toEqual(['mark', 'event', 'count', 'reputation']);
    calls.length = 0;
    const giver = viewer();
    await service.give(giver, good.id);
    expect((await service.remove(giver, good.id)).kudosCount).toBe(1);
    expect(calls).toEqual([
      'mark',
      'event',
      'count',
      'reputation',
      'unmark',
      'count',
      'reputation',
    ]);
  });

  it('takes a kudo back once, and taking back one never given changes nothing', async () => {
    const { service, answer, reputation } = await setup();
    const giver = viewer();
    const good = answer();
    await service.remove(giver, good.id);
    expect(reputation.award).not.toHaveBeenCalled();
    await service.give(giver, good.id);
    await service.remove(giver, good.id);
    await service.remove(giver, good.id);
    expect(reputation.award).toHaveBeenLastCalledWith(TX, good.authorId, -KUDO_REPUTATION);
    expect(reputation.award).toHaveBeenCalledTimes(2);
  });

  it("counts an official answer's kudos but earns its author nothing", async () => {
    const { service, answer, kudos, reputation, outbox } = await setup();
    const official = answer({ official: true });
    await service.give(viewer(), official.id);
    expect(kudos.given.size).toBe(1);
    expect(reputation.award).not.toHaveBeenCalled();
    expect(outbox.record).toHaveBeenCalledTimes(1);
  });

  it('refuses a kudo on your own post, an unpublished post and an unseen or unknown one', async () => {
    const { service, answer, kudos } = await setup();
    const author = viewer();
    await expect(service.give(author, answer({ authorId: author.id }).id)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'postId' },
    });
    const moderator = viewer(Role.MODERATOR);
    expect(await codeOf(service.give(moderator, answer({ status: ContentStatus.HIDDEN }).id))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(service.give(viewer(), answer({ status: ContentStatus.HIDDEN }).id))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(service.give(viewer(), '5c000000-0000-4000-8000-000000000000'))).toBe(
      'NOT_FOUND',
    );
    expect(kudos.mark).not.toHaveBeenCalled();
  });

  it('tells whether the viewer gave each post a kudo, one batch per request', async () => {
    const { service, answer, kudos } = await setup();
    const giver = viewer();
    const [a, b] = [answer(), answer()];
    await service.give(giver, a.id);
    const loaders = new RequestLoaders();
    expect(
      await Promise.all([
        service.hasGiven(loaders, giver.id, a.id),
        service.hasGiven(loaders, giver.id, b.id),
      ]),
    ).toEqual([true, false]);
    expect(kudos.givenAmong).toHaveBeenCalledTimes(1);
  });
});
