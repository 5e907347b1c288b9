import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshots, seriousViolations } from '../support/browser';
import type { Member } from '../support/test-app';
import { WebApp } from '../support/web-app';

const TITLE = 'Why does my router lose its connection every night?';
const OFFICIAL = 'Our nightly maintenance restarts routers at 3 am; they reconnect on their own.';

/**
 * Official answers in Chromium: an agent answers for the company with the answer form's box,
 * everyone then sees the answer marked as official; a member is not offered the box.
 */
describe('official answers on the thread page', () => {
  const app = new WebApp();
  let browser: Browser;
  let agent: Member;
  let member: Member;
  let threadId: string;

  beforeAll(async () => {
    await app.start();
    browser = await launchBrowser();
    const admin = await app.member('ADMIN');
    const boardId = await app.board(admin, 'QUESTIONS', 'internet');
    agent = await app.member('AGENT', 'dana_agent');
    member = await app.member('MEMBER', 'erik');
    threadId = await app.ask(member, boardId, TITLE);
    await app.answer(await app.member(), threadId, 'Mine does that too.');
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  async function signIn(context: BrowserContext, who: Member): Promise<Page> {
    const page = await app.signInPage(context, who, `/threads/${threadId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    return page;
  }

  it('lets an agent post an official answer with the box, and shows it as official to a visitor', async () => {
    const agentContext = await browser.newContext();
    const page = await signIn(agentContext, agent);
    const box = page.getByLabel('Answer for the company (official answer)');
    expect(await box.isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await box.check();
    await page.getByLabel('Answer', { exact: true }).fill(OFFICIAL);
    await page.getByRole('button', { name: 'Post answer' }).click();
    await page.locator('.answer', { hasText: OFFICIAL }).waitFor();
    await agentContext.close();

    const visitor = await browser.newContext();
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(`${app.siteUrl}/threads/${threadId}`);
    const official = visitorPage.locator('article.answer', { hasText: OFFICIAL });
    expect(await official.locator('.official-badge').textContent()).toBe('Official answer');
    // The other answer is nobody's official word.
    const plain = visitorPage.locator('article.answer', { hasText: 'Mine does that too.' });
    expect(await plain.locator('.official-badge').count()).toBe(0);
    expect(await seriousViolations(visitorPage)).toEqual([]);
    await screenshots(visitorPage, 'official-answer');
    await visitorPage.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(visitorPage)).toEqual([]);
    await visitor.close();
  });

  it('offers a member no box, and a Dutch visitor reads the badge in Dutch', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, member);
    expect(await page.locator('#answer-official').count()).toBe(0);
    expect(await page.getByLabel('Answer', { exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const dutch = await browser.newContext({ locale: 'nl-NL' });
    const dutchPage = await dutch.newPage();
    await dutchPage.goto(`${app.siteUrl}/threads/${threadId}`);
    expect(await dutchPage.locator('.official-badge').textContent()).toBe('Officieel antwoord');
    await dutch.close();
  });

  it('works without scripts: a refused answer keeps the box ticked, the posted one is official', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await signIn(context, agent);
    await page.getByLabel('Answer for the company (official answer)').check();
    await page.getByRole('button', { name: 'Post answer' }).click();
    await page.locator('.answer-form .error').first().waitFor();
    const box = page.getByLabel('Answer for the company (official answer)');
    expect(await box.isChecked()).toBe(true);
    await page.getByLabel('Answer', { exact: true }).fill('A reboot at 3 am is planned work.');
    await page.getByRole('button', { name: 'Post answer' }).click();
    const posted = page.locator('article.answer', { hasText: 'A reboot at 3 am is planned work.' });
    expect(await posted.locator('.official-badge').textContent()).toBe('Official answer');
    await context.close();
  });
});
