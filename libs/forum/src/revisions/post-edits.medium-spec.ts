import { ContentStatus, RequestLoaders, Role } from '@app/core';
import { MediumTest } from '@test/medium';
import { ForumModule } from '../forum.module';
import { ThreadStatus } from '../forum.enums';
import { SolutionsService } from '../solutions/solutions.service';
import { ForumRows } from '../testing/forum-rows';
import { PostEditsService } from './post-edits.service';

describe('Post edits on the real database', () => {
  const medium = new MediumTest();
  const rows = new ForumRows(medium);
  let edits: PostEditsService;

  beforeAll(async () => {
    await medium.start([ForumModule]);
    edits = medium.get(PostEditsService);
  });
  afterAll(() => medium.stop());

  it('keeps every earlier body as a revision, oldest first', async () => {
    const author = await medium.viewer();
    const post = await rows.post(await rows.thread(), { author: author.id });
    await edits.edit(author, { postId: post, body: 'Second', reason: 'typo' });
    const moderator = await medium.viewer(Role.MODERATOR);
    const edited = await edits.edit(moderator, { postId: post, body: 'Third' });
    expect(edited).toMatchObject({ body: 'Third', bodyHtml: '<p>Third</p>\n' });
    const revisions = await edits.revisions(new RequestLoaders(), post);
    expect(
      revisions.map((revision) => [revision.body, revision.editorId, revision.reason]),
    ).toEqual([
      ['An answer.', author.id, 'typo'],
      ['Second', moderator.id, null],
    ]);
    expect(await rows.events('post.edited')).toHaveLength(2);
  });

  it('deletes softly: out of the count, the solution withdrawn, the text kept', async () => {
    const asker = await medium.viewer();
    const thread = await rows.thread({ author: asker.id });
    const author = await medium.viewer();
    const post = await rows.post(thread, { author: author.id });
    await medium.sql('UPDATE threads SET answer_count = 1 WHERE id = $1', [thread]);
    await medium.get(SolutionsService).accept(asker, post);
    const deleted = await edits.delete(author, post, ' posted twice ');
    expect(deleted.status).toBe(ContentStatus.DELETED);
    expect(await rows.row('posts', post)).toMatchObject({
      body: 'An answer.',
      deleted_by: author.id,
      delete_reason: 'posted twice',
    });
    expect(await rows.row('threads', thread)).toMatchObject({
      answer_count: 0,
      accepted_post_id: null,
      status: ThreadStatus.OPEN,
    });
    expect(await rows.row('users', author.id)).toMatchObject({
      reputation: 0,
      accepted_solution_count: 0,
    });
  });
});
