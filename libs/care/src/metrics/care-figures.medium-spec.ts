import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { MetricsModule } from './metrics.module';
import { CareFiguresRepository } from './care-figures.repository';

describe('Care figures on the real database', () => {
  const medium = new MediumTest();
  let figures: CareFiguresRepository;

  beforeAll(async () => {
    await medium.start([MetricsModule]);
    figures = medium.get(CareFiguresRepository);
  });
  afterAll(() => medium.stop());

  const at = (hour: number, minute = 0) => new Date(Date.UTC(2033, 0, 1, hour, minute));

  async function opened(
    createdAt: Date,
    origin: string,
    dueAt: Date,
    respondedAt: Date | null,
  ): Promise<void> {
    await medium.sql(
      `INSERT INTO care_cases (id, subject, member_id, origin, first_response_due_at,
                               first_responded_at, created_at, updated_at)
       VALUES ($1, 'My bill is wrong', $2, $3, $4, $5, $6, $6)`,
      [randomUUID(), await medium.member(), origin, dueAt, respondedAt, createdAt],
    );
  }

  async function deflected(createdAt: Date): Promise<void> {
    const [board] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), 'b-' || gen_random_uuid(), 'Help', '', 'QUESTIONS') RETURNING id`,
    );
    const [thread] = await medium.sql<{ id: string }>(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, status,
                            content_status, created_at, last_activity_at)
       VALUES (gen_random_uuid(), $1, $2, 'Title', 'Body.', '<p>Body.</p>', 'Body.', 'OPEN',
               'PUBLISHED', $3, $3) RETURNING id`,
      [board.id, await medium.member(), createdAt],
    );
    await medium.sql(
      `INSERT INTO deflections (thread_id, viewer_key, member_id, day, created_at)
       VALUES ($1, $2, NULL, $3, $4)`,
      [thread.id, `address:${randomUUID()}`, createdAt.toISOString().slice(0, 10), createdAt],
    );
  }

  it('counts nothing in an empty window', async () => {
    expect(await figures.cases(at(100), at(200))).toEqual({
      casesOpened: 0,
      escalations: 0,
      medianMinutesToFirstResponse: null,
      slaMet: 0,
    });
    expect(await figures.deflections(at(100), at(200))).toBe(0);
  });

  it('counts the cases opened in [since, until): escalations, the median response, the SLA', async () => {
    await opened(at(1), 'DIRECT', at(2), at(1, 10));
    await opened(at(2), 'ESCALATED', at(3), at(3, 30));
    await opened(at(3), 'AUTO_ESCALATED', at(4), at(3, 40));
    await opened(at(4), 'DIRECT', at(5), null);
    await opened(at(0), 'ESCALATED', at(1), at(0, 1));
    await opened(at(5), 'ESCALATED', at(6), at(5, 1));
    expect(await figures.cases(at(1), at(5))).toEqual({
      casesOpened: 4,
      escalations: 2,
      medianMinutesToFirstResponse: 40,
      slaMet: 2,
    });
    await deflected(at(1));
    await deflected(at(4, 59));
    await deflected(at(5));
    expect(await figures.deflections(at(1), at(5))).toBe(2);
  });
});
