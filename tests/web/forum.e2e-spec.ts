import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshots, seriousViolations } from '../support/browser';
import { ok } from '../support/graphql-client';
import type { Member } from '../support/test-app';
import { WebApp } from '../support/web-app';

const SOLVED_TITLE = 'How do I set up voicemail on my phone?';
const SOLUTION = 'Dial 121, choose option 3 and record your greeting.';

interface QaPage {
  '@type': string;
  mainEntity: {
    '@type': string;
    name: string;
    text: string;
    answerCount: number;
    dateCreated: string;
    author: { name: string };
    acceptedAnswer: { text: string; upvoteCount: number; url: string; author: { name: string } };
    suggestedAnswer: Array<{ text: string }>;
  };
}

/**
 * The forum as customers use it in Chromium: reading a solved thread as a visitor, asking with
 * suggestions, an answer arriving live, accepting and kudos; and the same answering without
 * scripts.
 */
describe('the forum pages', () => {
  const app = new WebApp();
  let browser: Browser;
  let asker: Member;
  let helper: Member;
  let solvedId: string;
  let solutionId: string;

  beforeAll(async () => {
    // The worker relays new answers to the live channel.
    await app.start({ worker: true });
    browser = await launchBrowser();
    const admin = await app.member('ADMIN');
    const boardId = await app.board(admin, 'QUESTIONS', 'help');
    [asker, helper] = [await app.member('MEMBER', 'ann'), await app.member('MEMBER', 'bob')];
    solvedId = await app.ask(asker, boardId, SOLVED_TITLE, ['voicemail', 'setup']);
    await app.answer(helper, solvedId, 'Try turning the phone off and on again.');
    solutionId = await app.answer(helper, solvedId, SOLUTION);
    ok(
      await app.gql(
        `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
        { id: solutionId },
        asker.token,
      ),
    );
    ok(
      await app.gql(
        `mutation($id: ID!) { giveKudo(postId: $id) { id } }`,
        { id: solutionId },
        asker.token,
      ),
    );
    const agent = await app.member('AGENT', 'carla_agent');
    const guesser = await app.member();
    const wrongId = await app.answer(guesser, solvedId, 'Voicemail needs a paid plan.');
    ok(
      await app.gql(
        `mutation($input: CorrectPostInput!) { correctPost(input: $input) { id } }`,
        { input: { postId: wrongId, note: 'Voicemail is free on every plan.' } },
        agent.token,
      ),
    );
    ok(
      await app.gql(
        `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
        { input: { postId: wrongId, body: 'Voicemail may need a paid plan.', reason: 'softened' } },
        guesser.token,
      ),
    );
    // A second board with more threads than one page holds, one of them unanswered and tagged.
    const billing = await app.board(admin, 'QUESTIONS', 'billing');
    for (let i = 1; i <= 22; i++) {
      const id = await app.ask(
        asker,
        billing,
        `Billing question number ${i}`,
        i === 22 ? ['refund'] : [],
      );
      if (i !== 22) await app.answer(helper, id, `Answer to billing question ${i}.`);
    }
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('shows a visitor a solved thread from the home page: the solution first, with QAPage data', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.siteUrl);
    await page.getByRole('link', { name: SOLVED_TITLE }).first().click();
    await page.getByRole('heading', { level: 1, name: SOLVED_TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/threads/${solvedId}`);
    // Any cache may keep a visitor's page, asking each time whether it changed.
    const response = await page.request.get(page.url());
    expect(response.headers()['cache-control']).toBe('public, no-cache');
    expect(response.headers()['vary']).toMatch(/^Cookie, Accept-Language\b/);

    const firstAnswer = page.locator('article.answer').first();
    expect(await firstAnswer.getAttribute('id')).toBe(`answer-${solutionId}`);
    expect(await firstAnswer.textContent()).toContain('Accepted solution');
    expect(await firstAnswer.textContent()).toContain(SOLUTION);
    expect(await firstAnswer.textContent()).toContain('1 kudo');
    // Visitors see counts, not buttons, and are offered to sign in to answer.
    expect(await page.getByRole('button', { name: 'Give kudo' }).count()).toBe(0);
    const signInLink = page.getByRole('link', { name: 'Sign in to answer' });
    expect(await signInLink.getAttribute('href')).toBe(
      `/sign-in?returnTo=${encodeURIComponent(`/threads/${solvedId}`)}`,
    );
    // The correction says who corrected and why; the edit keeps the earlier version.
    await page.getByText('Voicemail is free on every plan.').waitFor();
    expect(await page.locator('.correction').textContent()).toContain('by carla_agent');

    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    ) as QaPage;
    expect(ld['@type']).toBe('QAPage');
    expect(ld.mainEntity).toMatchObject({
      '@type': 'Question',
      name: SOLVED_TITLE,
      text: 'Details of the question.',
      answerCount: 3,
      author: { name: 'ann' },
      acceptedAnswer: { text: SOLUTION, upvoteCount: 1, author: { name: 'bob' } },
    });
    expect(ld.mainEntity.acceptedAnswer.url).toBe(
      `${app.siteUrl}/threads/${solvedId}#answer-${solutionId}`,
    );
    expect(ld.mainEntity.suggestedAnswer).toHaveLength(2);
    const head = (selector: string, attribute: string) =>
      page.locator(`head ${selector}`).getAttribute(attribute);
    expect(await head('link[rel="canonical"]', 'href')).toBe(`${app.siteUrl}/threads/${solvedId}`);
    expect(await head('meta[name="description"]', 'content')).toBe('Details of the question.');
    expect(await head('meta[property="og:title"]', 'content')).toBe(SOLVED_TITLE);
    await expectAccessible(page);
    await screenshots(page, 'forum-thread');
    await context.close();

    // The same page in the dark scheme keeps its contrast.
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const darkPage = await dark.newPage();
    await darkPage.goto(`${app.siteUrl}/threads/${solvedId}`);
    await expectAccessible(darkPage);
    await dark.close();
  });

  it('lists a board by last activity with filters, a tag from the address and a More link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/boards/billing`);
    await page.getByRole('heading', { level: 1, name: 'Board billing' }).waitFor();
    const titles = () => page.locator('.board-threads .thread-title').allTextContents();
    const first = await titles();
    expect(first).toHaveLength(20);
    // The unanswered one was asked after the last answer to the others.
    expect(first.slice(0, 2)).toEqual(['Billing question number 22', 'Billing question number 21']);
    await page.getByRole('link', { name: 'More', exact: true }).click();
    expect(await titles()).toEqual(['Billing question number 2', 'Billing question number 1']);
    await page.goto(`${app.siteUrl}/boards/billing?filter=unanswered`);
    expect(await titles()).toEqual(['Billing question number 22']);
    await page.goto(`${app.siteUrl}/boards/billing?tag=refund`);
    expect(await titles()).toEqual(['Billing question number 22']);
    await page.goto(`${app.siteUrl}/boards/help?filter=solved`);
    expect(await titles()).toEqual([SOLVED_TITLE]);
    await context.close();

    const scripted = await browser.newContext();
    const board = await scripted.newPage();
    await board.goto(`${app.siteUrl}/boards/help`);
    await board.getByRole('link', { name: 'voicemail' }).first().waitFor();
    await expectAccessible(board);
    await screenshots(board, 'forum-board');
    await scripted.close();
  });

  it('takes a customer from a search to signing up, asking, an answer live, accepting, kudos and the notification', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A visitor finds the solved thread by searching from the header.
    await page.goto(app.siteUrl);
    await page.getByRole('searchbox', { name: 'Search' }).fill('voicemail');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.locator('.search-result').getByRole('link', { name: SOLVED_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: SOLVED_TITLE }).waitFor();

    await page.goto(`${app.siteUrl}/ask`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/ask');

    await page.goto(`${app.siteUrl}/sign-up`);
    await page.getByLabel('Name others see you by').fill('dana');
    await page.getByLabel('Email').fill('dana@example.com');
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('link', { name: 'Ask a question' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Ask a question' }).waitFor();

    await page.getByLabel('Title').pressSequentially('set up voicemail', { delay: 20 });
    const suggestion = page
      .locator('.similar')
      .getByRole('link', { name: SOLVED_TITLE, exact: true });
    await suggestion.waitFor();
    // "This answered my question" posts its own form (forms do not nest in the ask form).
    const answered = page.getByRole('button', {
      name: `This answered my question: ${SOLVED_TITLE}`,
    });
    const answeredForm = page.locator(`form[id="${await answered.getAttribute('form')}"]`);
    expect(await answeredForm.getAttribute('method')).toBe('post');
    expect(await answeredForm.getAttribute('action')).toBe(`/threads/${solvedId}/answered-me`);
    await expectAccessible(page);
    await screenshots(page, 'forum-ask');

    // It counts a deflection and opens the thread; the customer then asks after all.
    await answered.click();
    await page.getByRole('heading', { level: 1, name: SOLVED_TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/threads/${solvedId}`);
    const deflections = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM deflections d JOIN users u ON u.id = d.member_id
       JOIN threads t ON t.id = d.thread_id WHERE u.handle = 'dana' AND t.title = $1`,
      [SOLVED_TITLE],
    );
    expect(deflections[0].n).toBe(1);
    await page.goto(`${app.siteUrl}/ask`);
    await page.getByLabel('Title').fill('set up voicemail');

    // Bad input: each refusal sits beside its field, and what was typed stays.
    await page.getByRole('button', { name: 'Post your question' }).click();
    await page.getByText('Choose the board your question belongs on.').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('set up voicemail');
    await page.getByLabel('Board').selectOption({ label: 'Board help' });
    await page.getByLabel('Title').fill('');
    await page.getByLabel('Your question').fill('My greeting is **not** saved after recording.');
    await page.getByRole('button', { name: 'Post your question' }).click();
    const titleError = page.locator('.field.has-error').filter({ has: page.getByLabel('Title') });
    await titleError.getByRole('alert').waitFor();
    expect(await titleError.getByRole('alert').textContent()).toBe('Must be 8 to 200 characters');
    expect(await page.getByLabel('Your question').inputValue()).toContain('**not** saved');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('.preview strong', { hasText: 'not' }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'forum-ask-refused');

    await page.getByLabel('Title').fill('Why is my voicemail greeting not saved?');
    await page.getByLabel('Tags (optional)').fill('voicemail, Greeting');
    await page.getByRole('button', { name: 'Post your question' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Why is my voicemail greeting not saved?' })
      .waitFor();
    const threadUrl = page.url();
    await page.getByRole('link', { name: 'greeting' }).waitFor();
    const signedInResponse = await page.request.get(threadUrl);
    expect(signedInResponse.headers()['cache-control']).toBe('private, no-store');
    // A mark on the page's window: still there later means no navigation happened in between.
    await page.evaluate('window.stillThisPage = true');
    await expectAccessible(page);

    // Another member, in another browser, answers.
    const other = await browser.newContext();
    const helperPage = await app.signInPage(other, helper, new URL(threadUrl).pathname);
    await helperPage
      .getByLabel('Answer', { exact: true })
      .fill('Hold **#** after recording to save it.');
    await helperPage.getByRole('button', { name: 'Post answer' }).click();
    await helperPage.locator('article.answer', { hasText: 'after recording' }).waitFor();

    // The asker's open page shows it without a reload, and says so politely.
    const answer = page.locator('article.answer', { hasText: 'after recording to save it' });
    await answer.waitFor({ timeout: 15000 });
    expect(await page.evaluate<boolean>("'stillThisPage' in window")).toBe(true);
    expect(
      await page.locator('[aria-live="polite"]', { hasText: 'New answer from bob' }).count(),
    ).toBe(1);
    expect(await page.getByRole('heading', { name: '1 answer', exact: true }).count()).toBe(1);

    await answer.getByRole('button', { name: 'Give kudo' }).click();
    await answer.getByText('1 kudo').waitFor();
    await answer.getByRole('button', { name: 'Take back kudo' }).waitFor();
    await answer.getByRole('button', { name: 'Accept as solution' }).click();
    await page.getByRole('heading', { name: 'Accepted solution' }).waitFor();
    await page.locator('.status-badge', { hasText: 'Solved' }).waitFor();
    expect(await page.evaluate<boolean>("'stillThisPage' in window")).toBe(true);
    await expectAccessible(page);
    await screenshots(page, 'forum-thread-member');

    // The answer also reached the asker as a notification, counted live in the header.
    await page.locator('.site-header .badge', { hasText: '1 unread' }).waitFor({ timeout: 15000 });
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.locator('main', { hasText: 'bob' }).waitFor();
    await expectAccessible(page);
    await Promise.all([context.close(), other.close()]);
  });

  it('signs in and answers without scripts: errors beside the field, preview, kudos and a report', async () => {
    const member = await app.member('MEMBER', 'erin');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/threads/${solvedId}`);
    await page.getByRole('link', { name: 'Sign in to answer' }).click();
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: SOLVED_TITLE }).waitFor();

    await page.getByRole('button', { name: 'Post answer' }).click();
    const bodyError = page.locator('.markdown-editor.has-error .error');
    expect(await bodyError.textContent()).toBe('Must be 1 to 50000 characters');

    await page.getByLabel('Answer', { exact: true }).fill('Also check the *voicemail* setting.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('.preview em', { hasText: 'voicemail' }).waitFor();
    expect(await page.getByLabel('Answer', { exact: true }).inputValue()).toBe(
      'Also check the *voicemail* setting.',
    );
    await page.getByRole('button', { name: 'Post answer' }).click();
    await page
      .locator('article.answer', { hasText: 'Also check the voicemail setting.' })
      .waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#answer-/);

    const solution = page.locator(`#answer-${solutionId}`);
    await solution.getByRole('button', { name: 'Give kudo' }).click();
    await page.locator(`#answer-${solutionId}`).getByText('2 kudos').waitFor();

    await solution.getByText('Report this answer').click();
    await solution.getByLabel('Incorrect advice').check();
    await solution
      .getByLabel('Anything a moderator should know (optional)')
      .fill('121 is wrong here');
    await solution.getByRole('button', { name: 'Send report' }).click();
    await page
      .locator(`#answer-${solutionId}`)
      .getByText('Thank you. A moderator will look at it.')
      .waitFor();
    const [flag] = await app.sql<{ reason: string }>('SELECT reason FROM flags');
    expect(flag.reason).toBe('INCORRECT_ADVICE');
    await context.close();
  });

  it('records "this answered my question" from a plain form post, once a day, and opens the thread', async () => {
    const member = await app.member('MEMBER', 'fay');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await app.signInPage(context, member);
    const post = () =>
      page.request.post(`${app.siteUrl}/threads/${solvedId}/answered-me`, {
        form: {},
        maxRedirects: 0,
      });
    // Counted the first time; the second is not counted, and still opens the thread.
    for (const answered of [await post(), await post()]) {
      expect(answered.status()).toBe(302);
      expect(answered.headers().location).toBe(`/threads/${solvedId}`);
    }
    const rows = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM deflections d JOIN users u ON u.id = d.member_id
       WHERE u.handle = 'fay'`,
    );
    expect(rows[0].n).toBe(1);
    await context.close();
  });

  // Last: it adds an answer to the solved thread.
  it('answers a cache asking again with 304 until the thread changes', async () => {
    const threadUrl = `${app.siteUrl}/threads/${solvedId}`;
    const first = await fetch(threadUrl);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(threadUrl, { headers: { 'if-none-match': String(etag) } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await app.answer(helper, solvedId, 'One more way: dial 121 and follow the prompts.');
    const changed = await fetch(threadUrl, { headers: { 'if-none-match': String(etag) } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('dial 121');
  });
});
