import { fromGlobalId } from '@app/core';
import { errorCode, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const MINUTE = 60_000;
const DAY = 86_400_000;

const METRICS = `query($since: DateTime!, $until: DateTime) {
  careMetrics(since: $since, until: $until) {
    since until questionsAsked answeredByPeersRate solvedRate medianMinutesToFirstAnswer
    casesOpened escalations medianMinutesToFirstResponse slaMetRate deflections
  }
}`;

/** careMetrics over a small dataset whose every figure is known. */
describe('care metrics', () => {
  const app = new TestApp();
  let admin: Member;
  let agent: Member;
  // Two hours ago: every row of the dataset is placed after it, minute by minute.
  const base = new Date(Date.now() - 2 * 60 * MINUTE);
  const at = (minutes: number) => new Date(base.getTime() + minutes * MINUTE);
  const since = at(-1).toISOString();

  const metrics = (token: string | undefined, variables: { since: string; until?: string }) =>
    app.gql<{ careMetrics: Record<string, unknown> }>(METRICS, variables, token);

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    agent = await app.member('AGENT');
    const board = await app.board(admin);
    const asker = await app.member();
    const peer = await app.member();
    const thread = (id: string) => fromGlobalId(id, 'Thread', 'id');
    const post = (id: string) => fromGlobalId(id, 'Post', 'id');
    const placeThread = (id: string, minutes: number) =>
      app.sql('UPDATE threads SET created_at = $2 WHERE id = $1', [thread(id), at(minutes)]);
    const placePost = (id: string, minutes: number) =>
      app.sql('UPDATE posts SET created_at = $2 WHERE id = $1', [post(id), at(minutes)]);

    // Answered by a peer after 10 minutes, and solved.
    const byPeer = await app.ask(asker, board, 'Why does my line drop at night?');
    await placeThread(byPeer, 0);
    const peerAnswer = await app.answer(peer, byPeer);
    await placePost(peerAnswer, 10);
    ok(
      await app.gql(
        `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
        { id: peerAnswer },
        asker.token,
      ),
    );
    // Answered by staff only, after 30 minutes.
    const byStaff = await app.ask(asker, board, 'How do I move my plan to a new address?');
    await placeThread(byStaff, 1);
    await placePost(await app.answer(agent, byStaff), 31);
    // Answered by its asker only, and not at all.
    const selfAnswered = await app.ask(asker, board, 'Where do I find the PUK of my SIM?');
    await placeThread(selfAnswered, 2);
    await placePost(await app.answer(asker, selfAnswered, 'Found it on the card.'), 3);
    const unanswered = await app.ask(asker, board, 'Can I keep my number abroad?');
    await placeThread(unanswered, 3);

    // A direct case answered after 15 minutes, well within its day; an escalation unanswered.
    const direct = ok(
      await app.gql<{ openCase: { id: string } }>(
        `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
        { input: { subject: 'My invoice is wrong', body: 'Charged twice in May.' } },
        asker.token,
      ),
    ).openCase.id;
    ok(
      await app.gql(
        `mutation($input: ReplyToCaseInput!) { replyToCase(input: $input) { id } }`,
        { input: { caseId: direct, body: 'We are refunding the second charge.' } },
        agent.token,
      ),
    );
    const escalated = ok(
      await app.gql<{ openCase: { id: string } }>(
        `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
        {
          input: {
            subject: 'Nobody can help with roaming',
            body: 'See my thread.',
            threadId: unanswered,
          },
        },
        asker.token,
      ),
    ).openCase.id;
    const caseId = (id: string) => fromGlobalId(id, 'CareCase', 'id');
    await app.sql(
      `UPDATE care_cases SET created_at = $2, first_responded_at = $3,
              first_response_due_at = $2::timestamptz + interval '24 hours' WHERE id = $1`,
      [caseId(direct), at(20), at(35)],
    );
    await app.sql(`UPDATE care_cases SET created_at = $2 WHERE id = $1`, [
      caseId(escalated),
      at(21),
    ]);

    // Two deflections: the same member twice in a day counts once.
    const reader = await app.member();
    for (const token of [reader.token, reader.token, undefined]) {
      ok(
        await app.gql(
          `mutation($id: ID!) { recordDeflection(threadId: $id) }`,
          { id: byPeer },
          token,
        ),
      );
    }
  });
  afterAll(() => app.stop());

  it('computes every figure of the window exactly, until defaulting to now', async () => {
    const before = Date.now();
    const figures = ok(await metrics(agent.token, { since })).careMetrics;
    expect(figures).toMatchObject({
      since,
      questionsAsked: 4,
      answeredByPeersRate: 0.25,
      solvedRate: 0.25,
      medianMinutesToFirstAnswer: 20,
      casesOpened: 2,
      escalations: 1,
      medianMinutesToFirstResponse: 15,
      slaMetRate: 0.5,
      deflections: 2,
    });
    expect(new Date(figures.until as string).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('counts only [since, until): a window before the dataset is empty, rates 0 and medians null', async () => {
    const figures = ok(
      await metrics(admin.token, { since: at(-600).toISOString(), until: since }),
    ).careMetrics;
    expect(figures).toMatchObject({
      questionsAsked: 0,
      answeredByPeersRate: 0,
      solvedRate: 0,
      medianMinutesToFirstAnswer: null,
      casesOpened: 0,
      escalations: 0,
      medianMinutesToFirstResponse: null,
      slaMetRate: 0,
      deflections: 0,
    });
    // The questions asked from minute 1 on: the peer's answer falls out with its question.
    const later = ok(await metrics(admin.token, { since: at(1).toISOString() })).careMetrics;
    expect(later).toMatchObject({ questionsAsked: 3, answeredByPeersRate: 0, solvedRate: 0 });
  });

  it('refuses since after until and a window over 366 days', async () => {
    const now = Date.now();
    const after = await metrics(agent.token, {
      since: new Date(now).toISOString(),
      until: new Date(now - MINUTE).toISOString(),
    });
    expect(errorCode(after)).toBe('BAD_USER_INPUT');
    const future = await metrics(agent.token, { since: new Date(now + DAY).toISOString() });
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    const long = await metrics(agent.token, {
      since: new Date(now - 367 * DAY).toISOString(),
      until: new Date(now).toISOString(),
    });
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    const year = await metrics(agent.token, {
      since: new Date(now - 366 * DAY).toISOString(),
      until: new Date(now).toISOString(),
    });
    expect(ok(year).careMetrics.questionsAsked).toBe(4);
  });

  it('answers staff and product managers, and refuses members and anonymous visitors', async () => {
    for (const role of ['MODERATOR', 'PRODUCT_MANAGER']) {
      const reader = await app.member(role);
      expect(ok(await metrics(reader.token, { since })).careMetrics.questionsAsked).toBe(4);
    }
    const member = await app.member();
    expect(errorCode(await metrics(member.token, { since }))).toBe('FORBIDDEN');
    expect(errorCode(await metrics(undefined, { since }))).toBe('UNAUTHENTICATED');
  });
});
