import { ContentStatus, RequestLoaders, Role, Transactions, Viewer } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes, randomUUID } from 'node:crypto';
import { IdeasService } from '../ideas/ideas.service';
import { IdeasModule } from '../ideas.module';
import { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

describe('comments on the database', () => {
  const medium = new MediumTest();
  let comments: CommentsService;
  let repository: CommentsRepository;
  let ideaId: string;

  beforeAll(async () => {
    await medium.start([IdeasModule, ModerationLogModule]);
    comments = medium.get(CommentsService);
    repository = medium.get(CommentsRepository);
    const [{ id: boardId }] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), $1, $1, 'Ideas', 'IDEAS') RETURNING id`,
      [`b-${randomBytes(4).toString('hex')}`],
    );
    ideaId = (
      await medium.get(IdeasService).submit(await medium.viewer(), {
        boardId,
        title: 'Comment on me, please',
        body: 'Go on.',
      })
    ).id;
  });
  afterAll(() => medium.stop());

  it('writes a comment once per client mutation id, and the commenter follows the idea', async () => {
    const member = await medium.viewer();
    const key = randomUUID();
    const [first, again] = await Promise.all([
      comments.comment(member, ideaId, 'Yes, *please*', key),
      comments.comment(member, ideaId, 'Yes, *please*', key),
    ]);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ ideaId, authorId: member.id, status: ContentStatus.PUBLISHED });
    expect(
      await medium.sql(
        `SELECT (SELECT count(*)::int FROM idea_comments WHERE author_id = $2) AS comments,
                (SELECT count(*)::int FROM idea_subscriptions WHERE idea_id = $1 AND user_id = $2) AS follows`,
        [ideaId, member.id],
      ),
    ).toEqual([{ comments: 1, follows: 1 }]);
  });

  it('pages the comments oldest first both ways, held ones shown to their author only', async () => {
    const author = await medium.viewer();
    const written: CommentEntity[] = [];
    for (let i = 0; i < 4; i++) {
      written.push(await comments.comment(author, ideaId, `Page ${i}`, null));
    }
    // Times a minute apart, so that the order never falls back on the ids.
    for (const [i, comment] of written.entries()) {
      await medium.sql(
        `UPDATE idea_comments SET created_at = timestamptz '2026-01-01' + $2 * interval '1 minute' WHERE id = $1`,
        [comment.id, i],
      );
    }
    const tx = medium.get(Transactions);
    await tx.run((t) => repository.setStatus(written[1].id, ContentStatus.PENDING_REVIEW, t));

    const bodies = async (viewer: Viewer | null) => {
      const first = await comments.list(ideaId, viewer, {
        direction: 'forward',
        limit: 2,
        cursor: null,
      });
      const rest = await comments.list(ideaId, viewer, {
        direction: 'forward',
        limit: 50,
        cursor: first.pageInfo.endCursor,
      });
      const back = await comments.list(ideaId, viewer, {
        direction: 'backward',
        limit: 50,
        cursor: rest.pageInfo.startCursor,
      });
      expect(back.edges.map((e) => e.node.id)).toEqual(first.edges.map((e) => e.node.id));
      return {
        bodies: [...first.edges, ...rest.edges]
          .map((edge) => edge.node.body)
          .filter((body) => body.startsWith('Page')),
        total: await first.totalCount(),
      };
    };
    const anonymous = await bodies(null);
    expect(anonymous.bodies).toEqual(['Page 0', 'Page 2', 'Page 3']);
    const own = await bodies(author);
    expect(own.bodies).toEqual(['Page 0', 'Page 1', 'Page 2', 'Page 3']);
    expect(own.total).toBe(anonymous.total + 1);
    expect((await bodies(await medium.viewer(Role.MODERATOR))).bodies).toHaveLength(4);
  });

  it('reads comments by id in one batch, where the viewer may see them and their idea', async () => {
    const member = await medium.viewer();
    const [a, b] = [
      await comments.comment(member, ideaId, 'Batch one', null),
      await comments.comment(member, ideaId, 'Batch two', null),
    ];
    await medium
      .get(Transactions)
      .run((tx) => repository.setStatus(b.id, ContentStatus.HIDDEN, tx));
    const loaders = new RequestLoaders();
    const seen = await Promise.all([
      comments.findVisible(loaders, a.id, null),
      comments.findVisible(loaders, b.id, null),
    ]);
    expect(seen.map((comment) => comment?.id ?? null)).toEqual([a.id, null]);
    const locked = await medium.get(Transactions).run((tx) => repository.lockById(b.id, tx));
    expect(locked?.status).toBe(ContentStatus.HIDDEN);
    expect(await repository.findById(randomUUID())).toBeNull();
  });
});
