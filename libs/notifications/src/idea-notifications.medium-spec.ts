import { DomainEventHandlers, FAN_OUT_PAGE } from '@app/core';
import { IDEA_EVENTS } from '@app/ideas';
import { MediumTest } from '@test/medium';
import { randomBytes } from 'node:crypto';
import { NotificationsRepository } from './notifications.repository';
import { notificationsWorkerModules } from './notifications-worker.medium-modules';

const VOTERS = 3_500;

/**
 * An idea's status change with thousands of voters: the worker writes the notifications a page
 * of recipients per statement, never one per voter, and an event handled twice (a retried job)
 * writes each recipient's notification once.
 */
describe('idea status fan-out on the database', () => {
  const medium = new MediumTest();
  let handlers: DomainEventHandlers;
  let repository: NotificationsRepository;

  beforeAll(async () => {
    await medium.start(notificationsWorkerModules());
    handlers = medium.get(DomainEventHandlers);
    repository = medium.get(NotificationsRepository);
  });
  afterAll(() => medium.stop());

  /** An idea with `voters` voting members, two of whom follow it too, and one follower more. */
  const crowdedIdea = async (voters: number) => {
    const tag = randomBytes(4).toString('hex');
    const author = await medium.member();
    const [{ id: ideaId }] = await medium.sql<{ id: string }>(
      `WITH board AS (
         INSERT INTO boards (id, slug, name, description, kind)
         VALUES (gen_random_uuid(), $1, $1, 'Ideas', 'IDEAS') RETURNING id
       )
       INSERT INTO ideas (id, board_id, author_id, title, body, body_html)
       SELECT gen_random_uuid(), board.id, $2, 'A crowded idea', 'Please.', '<p>Please.</p>'
         FROM board RETURNING id`,
      [`b-${tag}`, author],
    );
    await medium.sql(
      `WITH fans AS (
         INSERT INTO users (id, handle, email, display_name, password_hash)
         SELECT gen_random_uuid(), $2 || g, $2 || g || '@example.com', 'Fan', 'not-a-hash'
           FROM generate_series(1, $3::int) AS g
         RETURNING id
       )
       INSERT INTO idea_votes (idea_id, user_id) SELECT $1, id FROM fans`,
      [ideaId, `f${tag}-`, voters],
    );
    const follower = await medium.member();
    await medium.sql(
      `INSERT INTO idea_subscriptions (idea_id, user_id)
       SELECT $1, user_id FROM (SELECT user_id FROM idea_votes WHERE idea_id = $1 LIMIT 2) AS v
       UNION ALL SELECT $1, $2::uuid`,
      [ideaId, follower],
    );
    // Every voter, the follower who did not vote, and the author.
    return { ideaId, audience: voters + 2 };
  };

  it('writes one notification per voter, follower and author, a page per statement, once across two runs', async () => {
    const { ideaId, audience } = await crowdedIdea(VOTERS);
    const [{ id: eventId }] = await medium.sql<{ id: string }>(
      `INSERT INTO outbox (type, payload) VALUES ($1, '{}') RETURNING id::text AS id`,
      [IDEA_EVENTS.statusChanged],
    );
    const event = {
      id: eventId,
      type: IDEA_EVENTS.statusChanged,
      occurredAt: new Date().toISOString(),
      payload: {
        ideaId,
        title: 'A crowded idea',
        status: 'PLANNED',
        note: 'Next quarter',
        actorId: null,
      },
    };
    const writes = jest.spyOn(repository, 'writeOnce');

    await handlers.dispatch(event);
    const pages = Math.ceil(audience / FAN_OUT_PAGE);
    expect(writes).toHaveBeenCalledTimes(pages);
    const sizes = writes.mock.calls.map(([recipients]) => recipients.length);
    expect(Math.max(...sizes)).toBe(FAN_OUT_PAGE);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(audience);

    // The job retried: everything is there already, so nothing is written twice.
    await handlers.dispatch(event);
    expect(writes).toHaveBeenCalledTimes(2 * pages);
    const [written] = await medium.sql<{ total: number; recipients: number; message: string }>(
      `SELECT count(*)::int AS total, count(DISTINCT recipient_id)::int AS recipients,
              min(message) AS message
         FROM notifications WHERE event_id = $1 AND kind = 'IDEA_STATUS_CHANGED'`,
      [eventId],
    );
    expect(written).toEqual({
      total: audience,
      recipients: audience,
      message: '“A crowded idea” is now planned: Next quarter',
    });
    writes.mockRestore();
  });
});
