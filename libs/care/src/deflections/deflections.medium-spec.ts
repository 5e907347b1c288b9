import { AccountStatus, RequestLoaders, Role } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes } from 'node:crypto';
import { CareModule } from '../care.module';
import { DeflectionsRepository } from './deflections.repository';
import { DeflectionsService } from './deflections.service';

describe('deflections on the database: once per viewer, thread and day', () => {
  const medium = new MediumTest();
  let service: DeflectionsService;

  beforeAll(async () => {
    await medium.start([CareModule, ModerationLogModule]);
    service = medium.get(DeflectionsService);
  });
  afterAll(() => medium.stop());

  /** A thread straight in the database, in a board of its own. */
  const thread = async (contentStatus = 'PUBLISHED'): Promise<string> => {
    const author = await medium.member();
    const slug = `b-${randomBytes(4).toString('hex')}`;
    const [board] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), $1, $1, '', 'QUESTIONS') RETURNING id`,
      [slug],
    );
    const [row] = await medium.sql<{ id: string }>(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, content_status)
       VALUES (gen_random_uuid(), $1, $2, 'Why is my bill higher?', 'Body', '<p>Body</p>', 'Body', $3)
       RETURNING id`,
      [board.id, author, contentStatus],
    );
    return row.id;
  };
  const rowsOf = (threadId: string) =>
    medium.sql<{ viewer_key: string; member_id: string | null; today: boolean }>(
      `SELECT viewer_key, member_id, day = (now() AT TIME ZONE 'UTC')::date AS today
         FROM deflections WHERE thread_id = $1 ORDER BY viewer_key`,
      [threadId],
    );

  it('counts a member and an address once each under parallel calls', async () => {
    const threadId = await thread();
    const member = await medium.viewer();
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () =>
        service.record(new RequestLoaders(), member, '203.0.113.1', threadId),
      ),
      ...Array.from({ length: 5 }, () =>
        service.record(new RequestLoaders(), null, '203.0.113.1', threadId),
      ),
    ]);
    expect(results.filter(Boolean)).toHaveLength(2);
    expect(await rowsOf(threadId)).toEqual([
      { viewer_key: 'address:203.0.113.1', member_id: null, today: true },
      { viewer_key: `member:${member.id}`, member_id: member.id, today: true },
    ]);
  });

  it('refuses a held question of the viewer’s own, and hides one of someone else', async () => {
    const held = await thread('PENDING_REVIEW');
    const [{ author_id }] = await medium.sql<{ author_id: string }>(
      'SELECT author_id FROM threads WHERE id = $1',
      [held],
    );
    const [{ handle }] = await medium.sql<{ handle: string }>(
      'SELECT handle FROM users WHERE id = $1',
      [author_id],
    );
    const author = {
      id: author_id,
      handle,
      role: Role.MEMBER,
      status: AccountStatus.ACTIVE,
      sessionId: author_id,
    };
    await expect(
      service.record(new RequestLoaders(), author, '203.0.113.2', held),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(
      service.record(new RequestLoaders(), await medium.viewer(), '203.0.113.2', held),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await rowsOf(held)).toEqual([]);
  });

  it('inserts through the repository once, then not again the same day', async () => {
    const threadId = await thread();
    const repository = medium.get(DeflectionsRepository);
    expect(await repository.recordOnce(threadId, 'address:203.0.113.3', null)).toBe(true);
    expect(await repository.recordOnce(threadId, 'address:203.0.113.3', null)).toBe(false);
  });
});
