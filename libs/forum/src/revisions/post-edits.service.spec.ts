import { ContentStatus, OutboxService, RequestLoaders, Role, Transactions } from '@app/core';
import { PostEntity } from '../posts/post.entity';
import { PostsRepository } from '../posts/posts.repository';
import { SolutionsService } from '../solutions/solutions.service';
import { build, codeOf, transactions, TX, viewer } from '../testing/doubles';
import { thread } from '../threads/thread.fixture';
import { post } from '../posts/post.fixture';
import { ThreadsRepository } from '../threads/threads.repository';
import { PostEditsService } from './post-edits.service';
import { PostRevisionEntity } from './post-revision.entity';
import { PostRevisionsRepository } from './post-revisions.repository';

const copy = (row: PostEntity | undefined) => (row ? { ...row } : null);

async function setup() {
  const question = thread({ answerCount: 1 });
  const posts = new Map<string, PostEntity>();
  const revisions: PostRevisionEntity[] = [];
  const postRows = {
    // Copies, as rows read from the database are: a later write does not change them.
    lock: jest.fn(async (id: string) => copy(posts.get(id))),
    byId: jest.fn(async (id: string) => copy(posts.get(id))),
    replaceBody: jest.fn(async (id: string, body: Partial<PostEntity>) => {
      Object.assign(posts.get(id) ?? {}, body, { editedAt: new Date() });
    }),
    softDelete: jest.fn(async (id: string, by: string, reason: string | null) => {
      Object.assign(posts.get(id) ?? {}, {
        status: ContentStatus.DELETED,
        deletedBy: by,
        deleteReason: reason,
      });
    }),
  };
  const revisionRows = {
    insert: jest.fn(async (row: Omit<PostRevisionEntity, 'createdAt'>) => {
      revisions.push({ ...row, createdAt: new Date() });
    }),
    ofPosts: jest.fn(async () => revisions),
  };
  const threadRows = {
    lock: jest.fn(async () => question),
    moveAnswerCount: jest.fn(async () => undefined),
  };
  const solutions = { withdrawSolutionOf: jest.fn(async () => undefined) };
  const outbox = { record: jest.fn(async () => undefined) };
  const service = await build(PostEditsService, [
    [Transactions, transactions],
    [PostsRepository, postRows],
    [PostRevisionsRepository, revisionRows],
    [ThreadsRepository, threadRows],
    [SolutionsService, solutions],
    [OutboxService, outbox],
  ]);
  const author = viewer();
  const answer = (overrides: Partial<PostEntity> = {}) => {
    const row = post({ threadId: question.id, authorId: author.id, ...overrides });
    posts.set(row.id, row);
    return row;
  };
  return { service, author, answer, revisions, threadRows, solutions, outbox, postRows };
}

describe('PostEditsService', () => {
  it('edits a body: the old one becomes a revision, and readers are told', async () => {
    const { service, author, answer, revisions, outbox } = await setup();
    const original = answer();
    const oldBody = original.body;
    const edited = await service.edit(author, {
      postId: original.id,
      body: 'Hold it for **thirty** seconds.',
      reason: '  it takes longer  ',
    });
    expect(edited).toMatchObject({ body: 'Hold it for **thirty** seconds.' });
    expect(edited.bodyHtml).toContain('<strong>thirty</strong>');
    expect(edited.editedAt).toBeInstanceOf(Date);
    expect(revisions).toMatchObject([
      { postId: original.id, editorId: author.id, body: oldBody, reason: 'it takes longer' },
    ]);
    expect(outbox.record).toHaveBeenCalledWith(TX, 'post.edited', {
      postId: original.id,
      threadId: original.threadId,
      editorId: author.id,
    });
  });

  it('changes nothing when the body is the same, and tells nobody of an unpublished edit', async () => {
    const { service, author, answer, revisions, outbox } = await setup();
    const same = answer();
    await service.edit(author, { postId: same.id, body: same.body });
    expect(revisions).toHaveLength(0);
    const held = answer({ status: ContentStatus.PENDING_REVIEW });
    await service.edit(author, { postId: held.id, body: 'Reworded.' });
    expect(revisions).toHaveLength(1);
    expect(outbox.record).not.toHaveBeenCalled();
  });

  it('lets the author and moderators change a post, nobody else, and never a deleted one', async () => {
    const { service, answer } = await setup();
    const target = answer();
    expect(await codeOf(service.edit(viewer(), { postId: target.id, body: 'Mine now' }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(service.delete(viewer(Role.AGENT), target.id, null))).toBe('FORBIDDEN');
    const moderator = viewer(Role.MODERATOR);
    expect((await service.edit(moderator, { postId: target.id, body: 'Tidied' })).body).toBe(
      'Tidied',
    );
    await service.delete(moderator, target.id, null);
    await expect(
      service.edit(moderator, { postId: target.id, body: 'Again' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'postId' } });
  });

  it('refuses a blank body, a reason past 500 characters and an unknown or unseen post', async () => {
    const { service, author, answer, postRows } = await setup();
    const target = answer();
    expect(await codeOf(service.edit(author, { postId: target.id, body: '  ' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(service.delete(author, target.id, 'x'.repeat(501)))).toBe('BAD_USER_INPUT');
    expect(postRows.lock).not.toHaveBeenCalled();
    expect(await codeOf(service.delete(author, '5d000000-0000-4000-8000-000000000000', null))).toBe(
      'NOT_FOUND',
    );
    const hidden = answer({ status: ContentStatus.HIDDEN });
    expect(await codeOf(service.delete(viewer(), hidden.id, null))).toBe('NOT_FOUND');
  });

  it('deletes softly: out of the count when it was published, its solution mark withdrawn', async () => {
    const { service, author, answer, threadRows, solutions } = await setup();
    const published = answer();
    const deleted = await service.delete(author, published.id, '  wrong thread ');
    expect(deleted).toMatchObject({
      status: ContentStatus.DELETED,
      deletedBy: author.id,
      deleteReason: 'wrong thread',
    });
    expect(threadRows.moveAnswerCount).toHaveBeenCalledWith(published.threadId, -1, TX);
    expect(solutions.withdrawSolutionOf).toHaveBeenCalledWith(TX, published.id);
    const held = answer({ status: ContentStatus.PENDING_REVIEW });
    await service.delete(author, held.id, null);
    expect(threadRows.moveAnswerCount).toHaveBeenCalledTimes(1);
  });

  it("shows a post's latest 100 revisions, oldest first, in one batch per request", async () => {
    const { service, author, answer } = await setup();
    const target = answer();
    for (let n = 0; n < 102; n += 1) {
      await service.edit(author, { postId: target.id, body: `version ${n}` });
    }
    const shown = await service.revisions(new RequestLoaders(), target.id);
    expect(shown).toHaveLength(100);
    // The first of the 102 revisions kept the original body; the latest keeps version 100.
    expect([shown[0].body, shown[99].body]).toEqual(['version 1', 'version 100']);
  });
});
