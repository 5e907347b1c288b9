import type { Browser, Page } from 'playwright-core';
import { fromGlobalId } from '@app/core';
import { launchBrowser, screenshots, seriousViolations } from '../support/browser';
import { ok } from '../support/graphql-client';
import { channelHasListener } from '../support/live-client';
import { eventually, type Member } from '../support/test-app';
import { WebApp } from '../support/web-app';

const MARKDOWN_BODY =
  'The **fibre** box shows `LOS` in red. I read [the fibre guide](https://example.com/fibre).';

/**
 * Search, member profiles, notifications and the sitemap in Chromium: a visitor's search with
 * highlights and More, a member's profile, the unread badge going up live and back to nothing,
 * marking read without scripts, and the sitemap listing only what visitors see.
 */
describe('search, member profiles, notifications and the sitemap', () => {
  const app = new WebApp();
  let browser: Browser;
  let admin: Member;
  let asker: Member;
  let helper: Member;
  let boardId: string;
  const fibreThreads: string[] = [];

  beforeAll(async () => {
    // The worker writes notifications and relays them to the live channel.
    await app.start({ worker: true });
    browser = await launchBrowser();
    admin = await app.member('ADMIN');
    boardId = await app.board(admin, 'QUESTIONS', 'help');
    asker = await app.member('MEMBER', 'ann');
    helper = await app.member('MEMBER', 'dora');
    for (let i = 1; i <= 12; i++) {
      const data = ok(
        await app.gql<{ askQuestion: { id: string } }>(
          `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
          { input: { boardId, title: `Fibre box number ${i} blinks red`, body: MARKDOWN_BODY } },
          asker.token,
        ),
      );
      fibreThreads.push(data.askQuestion.id);
    }
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  const unreadCount = async (member: Member): Promise<number> =>
    ok(
      await app.gql<{ unreadNotificationCount: number }>(
        '{ unreadNotificationCount }',
        {},
        member.token,
      ),
    ).unreadNotificationCount;

  it('lets a visitor search from the header, see highlighted excerpts without markdown, page with More and open a result', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.siteUrl);
    await page.getByRole('searchbox', { name: 'Search' }).fill('fibre');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { level: 1, name: 'Results for “fibre”' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('fibre');
    await page.getByText('12 threads found').waitFor();

    const results = page.locator('.search-result');
    expect(await results.count()).toBe(10);
    expect(await results.first().locator('mark').first().textContent()).toMatch(/^fibre$/i);
    const excerpts = (await page.locator('.excerpt').allTextContents()).join('\n');
    expect(excerpts).toContain('blinks red — The fibre box shows LOS in red.');
    expect(excerpts).not.toMatch(/\*\*|`|\]\(|https:/);
    await expectAccessible(page);
    await screenshots(page, 'search');

    await page.getByRole('link', { name: 'More results' }).click();
    await eventually(
      () => results.count(),
      (count) => count === 12,
    );
    expect(await page.getByRole('link', { name: 'More results' }).count()).toBe(0);
    const titles = await page.locator('.result-title').allTextContents();
    expect(new Set(titles).size).toBe(12);

    const first = page.locator('.result-title a').first();
    const href = await first.getAttribute('href');
    expect(fibreThreads.map((id) => `/threads/${id}`)).toContain(href);
    await first.click();
    await page.waitForURL((url) => url.pathname === href);
    await context.close();
  });

  it('tells a visitor when a search is empty or finds nothing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/search`);
    await page.getByText('Type what you are looking for above.').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Search for').fill('zeppelin');
    await page.locator('main').getByRole('button', { name: 'Search' }).click();
    await page.getByText('Nothing matches “zeppelin”. Try fewer or other words.').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("shows a member's rank, reputation, solutions and recent answers", async () => {
    const givers = [await app.member(), await app.member()];
    const answered: Array<{ thread: string; post: string }> = [];
    for (const thread of fibreThreads.slice(0, 2)) {
      const post = await app.answer(helper, thread, 'Reseat the **fibre** cable.');
      answered.push({ thread, post });
      ok(
        await app.gql(
          'mutation($id: ID!) { acceptSolution(postId: $id) { id } }',
          { id: post },
          asker.token,
        ),
      );
    }
    for (const [index, giver] of givers.entries()) {
      ok(
        await app.gql(
          'mutation($id: ID!) { giveKudo(postId: $id) { id } }',
          { id: answered[index].post },
          giver.token,
        ),
      );
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/members/${helper.handle}`);
    await page.getByRole('heading', { level: 1, name: helper.handle }).waitFor();
    const stats = page.locator('.member-stats');
    // Two accepted solutions (15 each) and two kudos (10 each): 50, a Contributor.
    expect(await stats.getByText('Contributor').count()).toBe(1);
    expect(await stats.locator('dd').allTextContents()).toEqual([
      'Contributor',
      '50',
      '2',
      expect.any(String),
    ]);
    const recent = page.getByRole('region', { name: 'Recent answers' }).getByRole('link');
    expect(await recent.count()).toBe(2);
    expect(await recent.first().getAttribute('href')).toBe(
      `/threads/${answered[1].thread}#answer-${answered[1].post}`,
    );
    expect(await recent.first().textContent()).toBe('Fibre box number 2 blinks red');
    await expectAccessible(page);
    await screenshots(page, 'member');

    await page.goto(`${app.siteUrl}/members/nobody_here`);
    await page.getByRole('heading', { level: 1, name: 'Something went wrong' }).waitFor();
    await context.close();
  });

  it('sends a visitor to sign in first, and back to the notifications', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/notifications`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/notifications');
    await context.close();
  });

  it('raises the unread badge live when someone answers, then marks all read and the badge goes', async () => {
    const erin = await app.member('MEMBER', 'erin');
    const threadId = await app.ask(erin, boardId, 'My landline has no dial tone');
    const context = await browser.newContext();
    const page = await app.signInPage(context, erin);
    const badge = page.locator('.site-header .badge');
    expect(await badge.count()).toBe(0);
    // The page's script has subscribed through the site's proxy.
    await channelHasListener(
      `${app.name}:notification-added:${fromGlobalId(erin.id, 'User', 'id')}`,
    );

    await app.answer(helper, threadId, 'Check the filter on the socket.');
    await badge.getByText('1 unread').waitFor();
    await app.answer(admin, threadId, 'Try another handset too.');
    await badge.getByText('2 unread').waitFor();

    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const items = page.locator('.notification');
    expect(await items.count()).toBe(2);
    expect(await page.locator('.notification.unread').count()).toBe(2);
    const link = page.getByRole('link', {
      name: `@${helper.handle} answered “My landline has no dial tone”`,
    });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/threads/${threadId}#answer-`));
    await expectAccessible(page);
    await screenshots(page, 'notifications');

    // One in place, then the rest.
    await page
      .locator('.notification.unread')
      .first()
      .getByRole('button', { name: /^Mark read/ })
      .click();
    await badge.getByText('1 unread').waitFor();
    expect(await page.locator('.notification.unread').count()).toBe(1);
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByText('Everything is read.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/notifications');
    expect(await page.locator('.notification.unread').count()).toBe(0);
    expect(await badge.count()).toBe(0);
    expect(await unreadCount(erin)).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('marks one and then all read without scripts', async () => {
    const finn = await app.member('MEMBER', 'finn');
    const threadId = await app.ask(finn, boardId, 'Voicemail greeting is cut off');
    await app.answer(helper, threadId, 'Record it again, more slowly.');
    await app.answer(admin, threadId, 'Keep it under 30 seconds.');
    await eventually(
      () => unreadCount(finn),
      (count) => count === 2,
    );

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await app.signInPage(context, finn, '/notifications');
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const badge = page.locator('.site-header .badge');
    expect(await badge.textContent()).toBe('2 unread');

    await page
      .locator('.notification.unread')
      .first()
      .getByRole('button', { name: /^Mark read/ })
      .click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    await badge.getByText('1 unread').waitFor();
    expect(await page.locator('.notification.unread').count()).toBe(1);

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByText('Everything is read.').waitFor();
    expect(await badge.count()).toBe(0);
    expect(await unreadCount(finn)).toBe(0);
    await context.close();
  });

  it('lists published threads in sitemap.xml, never a hidden one, and robots.txt points to it', async () => {
    const hidden = await app.ask(asker, boardId, 'A thread a moderator hides');
    await app.sql(`UPDATE threads SET content_status = 'HIDDEN' WHERE id = $1`, [
      fromGlobalId(hidden, 'Thread', 'id'),
    ]);
    const response = await fetch(`${app.siteUrl}/sitemap.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const xml = await response.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const [row] = await app.sql<{ last_activity_at: Date }>(
      'SELECT last_activity_at FROM threads WHERE id = $1',
      [fromGlobalId(fibreThreads[5], 'Thread', 'id')],
    );
    expect(xml).toContain(
      `<url><loc>${app.siteUrl}/threads/${fibreThreads[5]}</loc><lastmod>${row.last_activity_at.toISOString()}</lastmod></url>`,
    );
    expect(xml).not.toContain(hidden);
    expect(xml.match(/<url>/g)?.length).toBeGreaterThanOrEqual(fibreThreads.length);

    const first = await fetch(`${app.siteUrl}/sitemaps/start.xml`);
    expect(await first.text()).toBe(xml);
    expect((await fetch(`${app.siteUrl}/sitemaps/not-a-cursor.xml`)).status).toBe(404);

    const robots = await (await fetch(`${app.siteUrl}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${app.siteUrl}/sitemap.xml`);
    expect(robots).toContain('Disallow: /search');
  });
});
