import { ContentStatus, Role } from '@app/core';
import { MediumTest } from '@test/medium';
import { ForumModule } from '../forum.module';
import { ForumRows } from '../testing/forum-rows';
import { QuestionsAwaitingAnswerRepository } from './questions-awaiting-answer.repository';

describe('Questions awaiting an answer on the real database', () => {
  const medium = new MediumTest();
  const rows = new ForumRows(medium);
  let questions: QuestionsAwaitingAnswerRepository;

  beforeAll(async () => {
    await medium.start([ForumModule]);
    questions = medium.get(QuestionsAwaitingAnswerRepository);
  });
  afterAll(() => medium.stop());

  // A year of its own, so that no other test's threads fall in the walk.
  const at = (minute: number) => new Date(Date.UTC(2031, 0, 1, 0, minute));

  it('walks published questions in (mark, until] by (created_at, id), telling who answered', async () => {
    const asker = await medium.member();
    const board = await rows.board();
    const thread = (minute: number, contentStatus = ContentStatus.PUBLISHED) =>
      rows.thread({ board, author: asker, createdAt: at(minute), contentStatus });
    const unanswered = await thread(1);
    const selfAnswered = await thread(2);
    await rows.post(selfAnswered, { author: asker });
    const hiddenAnswer = await thread(3);
    await rows.post(hiddenAnswer, { status: ContentStatus.HIDDEN });
    const answered = await thread(4);
    await rows.post(answered, { author: await medium.member(Role.AGENT) });
    await thread(5, ContentStatus.PENDING_REVIEW);
    const late = await thread(9);

    const start = { createdAt: at(0), id: '00000000-0000-0000-0000-000000000000' };
    const page = await questions.askedBetween(start, at(8), 10);
    expect(page.map((row) => [row.id, row.answeredByOthers])).toEqual([
      [unanswered, false],
      [selfAnswered, false],
      [hiddenAnswer, false],
      [answered, true],
    ]);
    expect(page[0]).toMatchObject({ authorId: asker, title: expect.any(String), createdAt: at(1) });

    const first = await questions.askedBetween(start, at(8), 2);
    expect(first.map((row) => row.id)).toEqual([unanswered, selfAnswered]);
    const rest = await questions.askedBetween(first[1], at(8), 10);
    expect(rest.map((row) => row.id)).toEqual([hiddenAnswer, answered]);
    expect((await questions.askedBetween(rest[1], at(10), 10)).map((row) => row.id)).toEqual([
      late,
    ]);
  });
});
