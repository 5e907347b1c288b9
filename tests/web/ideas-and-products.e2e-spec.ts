import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ok } from '../support/graphql-client';
import { MERGE, SET_STATUS, submitIdea } from '../support/ideas';
import { launchBrowser, screenshots, seriousViolations } from '../support/browser';
import type { Member } from '../support/test-app';
import { WebApp } from '../support/web-app';

const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`;
const WRITE_REVIEW = `mutation($input: WriteReviewInput!) { writeReview(input: $input) { id } }`;
const IDEA = `query($id: ID!) { idea(id: $id) { voteCount viewerHasVoted } }`;
const REVIEW = `query($id: ID!) { node(id: $id) { ... on Review { helpfulCount } } }`;

/**
 * The ideas and products parts of the site in Chromium: submitting, voting, statuses and
 * merges of ideas; reviews, their stars and helpful marks; with and without scripts.
 */
describe('ideas and products on the site', () => {
  const app = new WebApp();
  let browser: Browser;
  let pm: Member;
  let author: Member;
  let darkModeId: string;
  let invoicesId: string;
  let duplicateId: string;
  let productId: string;
  let firstReviewId: string;

  beforeAll(async () => {
    await app.start();
    browser = await launchBrowser();
    const admin = await app.member('ADMIN');
    pm = await app.member('PRODUCT_MANAGER');
    author = await app.member();
    const boardId = await app.board(admin, 'IDEAS', 'features');
    darkModeId = await submitIdea(app, author, boardId, 'Dark mode for the mobile app');
    invoicesId = await submitIdea(app, author, boardId, 'Export invoices as PDF files');
    duplicateId = await submitIdea(app, author, boardId, 'Night theme for the phone app');
    ok(await app.gql(MERGE, { input: { sourceId: duplicateId, targetId: darkModeId } }, pm.token));
    const product = ok(
      await app.gql<{ createProduct: { id: string } }>(
        CREATE_PRODUCT,
        {
          input: {
            sku: 'ROUTER-X1',
            name: 'Router X1',
            description: 'A dual-band router for homes and small offices.',
          },
        },
        pm.token,
      ),
    );
    productId = product.createProduct.id;
    const first = ok(
      await app.gql<{ writeReview: { id: string } }>(
        WRITE_REVIEW,
        {
          input: {
            productId,
            rating: 3,
            title: 'Does the job',
            body: 'Good range, slow admin pages.',
          },
        },
        author.token,
      ),
    );
    firstReviewId = first.writeReview.id;
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  /** A browser context signed in as the member, through the site's own form. */
  async function signedIn(member: Member, javaScriptEnabled = true): Promise<BrowserContext> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/sign-in`);
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.close();
    return context;
  }

  /** The order tab marked as the page shown (once the router has rendered the new order). */
  const currentTab = (page: Page, name: string) =>
    page.locator('.order-tabs a[aria-current="page"]').filter({ hasText: name });

  /** The line of a list (idea or review) that holds this text. */
  const item = (page: Page, selector: string, text: string) =>
    page.locator(selector).filter({ hasText: text });

  it('lets a member vote and unvote in place, submit an idea with similar ones suggested while typing, and see its status change', async () => {
    const member = await app.member();
    const context = await signedIn(member);
    const page = await context.newPage();

    // The only ideas board is where /ideas leads.
    await page.goto(`${app.siteUrl}/ideas`);
    await page.waitForURL(/\/ideas\/features$/);
    await page.getByRole('heading', { level: 1, name: 'Board features' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'ideas-list');

    await page.getByRole('link', { name: 'Newest' }).click();
    await currentTab(page, 'Newest').waitFor();

    const invoices = item(page, '.idea-item', 'Export invoices as PDF files');
    await invoices.getByRole('button', { name: 'Vote for “Export invoices as PDF files”' }).click();
    await invoices.getByText('2 votes').waitFor();
    await invoices
      .getByRole('button', { name: 'Unvote for “Export invoices as PDF files”' })
      .waitFor();
    let state = ok(await app.gql<{ idea: { voteCount: number } }>(IDEA, { id: invoicesId }));
    expect(state.idea.voteCount).toBe(2);
    await invoices.getByRole('button', { name: /^Unvote/ }).click();
    await invoices.getByText('1 vote', { exact: true }).waitFor();
    await invoices.getByRole('button', { name: /^Vote/ }).waitFor();
    state = ok(await app.gql<{ idea: { voteCount: number } }>(IDEA, { id: invoicesId }));
    expect(state.idea.voteCount).toBe(1);

    // Typing a title that an open idea already has suggests it, with its own vote button.
    await page.getByRole('link', { name: 'Submit an idea' }).click();
    await page.getByRole('heading', { level: 1, name: 'Submit an idea' }).waitFor();
    const title = page.getByLabel('Title');
    await title.pressSequentially('Dark mode in the app', { delay: 20 });
    const similar = page.locator('.similar-ideas');
    await similar.getByRole('heading', { name: 'Similar ideas' }).waitFor();
    await similar.getByRole('link', { name: /Dark mode for the mobile app/ }).waitFor();
    expect(
      await similar
        .getByRole('button', { name: 'Vote for “Dark mode for the mobile app”' })
        .count(),
    ).toBe(1);
    // A merged idea is closed, so never suggested.
    expect(await similar.getByText('Night theme for the phone app').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'idea-new');

    await title.fill('Dark mode in the desktop app too');
    await page.getByLabel('Describe the idea').fill('The desktop app is blinding at night.');
    await page.getByRole('button', { name: 'Submit idea' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Dark mode in the desktop app too' })
      .waitFor();
    const ideaId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByText('1 vote', { exact: true }).waitFor();

    // A product manager plans it; the member sees the status and the note with it.
    ok(
      await app.gql(
        SET_STATUS,
        { input: { ideaId, status: 'PLANNED', note: 'Coming in the spring release.' } },
        pm.token,
      ),
    );
    await page.reload();
    await page.locator('.idea-head .status-badge').filter({ hasText: 'Planned' }).waitFor();
    await page.getByRole('heading', { name: 'Note from the product team' }).waitFor();
    await page.getByText('Coming in the spring release.').waitFor();

    // Comments keep the idea's conversation on its page.
    await page.getByLabel('Your comment').fill('Please include the settings screen.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.comment').getByText('Please include the settings screen.').waitFor();
    expect(await page.getByLabel('Your comment').inputValue()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'idea');
    await context.close();
  });

  it('keeps what was typed and says why when an idea is refused', async () => {
    const context = await signedIn(await app.member());
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/ideas/new`);
    await page.getByLabel('Title').fill('Short');
    await page.getByLabel('Describe the idea').fill('Kept while the title is fixed.');
    await page.getByRole('button', { name: 'Submit idea' }).click();
    await page.getByText('Must be 8 to 200 characters').waitFor();
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Title').inputValue()).toBe('Short');
    expect(await page.getByLabel('Describe the idea').inputValue()).toBe(
      'Kept while the title is fixed.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('sends a visitor who wants to submit an idea to sign in, and back after', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/ideas/new?board=features`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/ideas/new?board=features');
    // A visitor's vote leads to signing in too, and back to the list after.
    await page.goto(`${app.siteUrl}/ideas/features`);
    await item(page, '.idea-item', 'Export invoices as PDF files')
      .getByRole('button', { name: /^Vote/ })
      .click();
    await page.waitForURL(/\/sign-in\?returnTo=/);
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/ideas/features');
    await context.close();
  });

  it('points a merged idea to the one it was merged into', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/ideas/i/${duplicateId}`);
    await page.getByRole('heading', { name: 'This idea was merged' }).waitFor();
    expect(await page.getByRole('button', { name: /^Vote/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .locator('.merged-notice')
      .getByRole('link', { name: 'Dark mode for the mobile app' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Dark mode for the mobile app' }).waitFor();
    expect(page.url()).toContain(darkModeId);
    await context.close();
  });

  it('answers an unknown idea or product with the not-found page', async () => {
    for (const path of ['/ideas/i/not-an-id', '/products/not-an-id', '/ideas/no-such-board']) {
      const response = await fetch(`${app.siteUrl}${path}`);
      expect(response.status).toBe(404);
    }
  });

  it('votes, unvotes, finds similar ideas and marks a review helpful without JavaScript', async () => {
    const member = await app.member();
    const context = await signedIn(member, false);
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/ideas/features?order=top`);
    const darkMode = item(page, '.idea-item', 'Dark mode for the mobile app');
    const before = ok(await app.gql<{ idea: { voteCount: number } }>(IDEA, { id: darkModeId }));
    await darkMode.getByRole('button', { name: /^Vote/ }).click();
    await darkMode.getByRole('button', { name: /^Unvote/ }).waitFor();
    const voted = ok(
      await app.gql<{ idea: { voteCount: number; viewerHasVoted: boolean } }>(
        IDEA,
        { id: darkModeId },
        member.token,
      ),
    );
    expect(voted.idea).toEqual({ voteCount: before.idea.voteCount + 1, viewerHasVoted: true });
    await darkMode.getByText(`${voted.idea.voteCount} votes`).waitFor();
    await darkMode.getByRole('button', { name: /^Unvote/ }).click();
    await darkMode.getByRole('button', { name: /^Vote/ }).waitFor();
    const unvoted = ok(await app.gql<{ idea: { voteCount: number } }>(IDEA, { id: darkModeId }));
    expect(unvoted.idea.voteCount).toBe(before.idea.voteCount);

    // Without scripts a button asks for the similar ideas, keeping what was typed.
    await page.goto(`${app.siteUrl}/ideas/new`);
    await page.getByLabel('Title').fill('Dark mode in the app');
    await page.getByLabel('Describe the idea').fill('Kept across the search.');
    await page.getByRole('button', { name: 'Find similar ideas' }).click();
    await page
      .locator('.similar-ideas')
      .getByRole('link', { name: /Dark mode for the mobile app/ })
      .waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Dark mode in the app');
    expect(await page.getByLabel('Describe the idea').inputValue()).toBe('Kept across the search.');

    await page.goto(`${app.siteUrl}/products/${productId}`);
    const review = item(page, '.review', 'Does the job');
    await review.getByRole('button', { name: /^Helpful/ }).click();
    await review.getByText('You found this helpful').waitFor();
    const marked = ok(
      await app.gql<{ node: { helpfulCount: number } }>(REVIEW, { id: firstReviewId }),
    );
    expect(marked.node.helpfulCount).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('lets a member review a product once, updating the stars, and another mark the review helpful', async () => {
    const reviewer = await app.member();
    const context = await signedIn(reviewer);
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/products`);
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    const card = item(page, '.product-card', 'Router X1');
    await card.getByText('3.0').waitFor();
    await card.getByText('1 review', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'products');

    await card.getByRole('link', { name: 'Router X1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Router X1' }).waitFor();
    const histogram = page.locator('.histogram');
    expect(await histogram.locator('[data-stars="3"] .histogram-count').innerText()).toMatch(/^1/);
    expect(await histogram.locator('[data-stars="4"] .histogram-count').innerText()).toMatch(/^0/);

    // The four orders are links; the chosen one is the current page.
    for (const name of ['Newest', 'Highest rating', 'Lowest rating', 'Most helpful']) {
      await page.getByRole('link', { name, exact: true }).click();
      await currentTab(page, name).waitFor();
    }

    await page.getByRole('radio', { name: '4 stars' }).check();
    await page.getByLabel('Title').fill('Fast and steady');
    await page.getByLabel('Your review').fill('Covers the whole house.');
    await page.getByRole('button', { name: 'Publish review' }).click();
    const mine = item(page, '.review', 'Fast and steady');
    await mine.waitFor();
    await page.locator('.product-head .rating-average').getByText('3.5').waitFor();
    expect(await histogram.locator('[data-stars="4"] .histogram-count').innerText()).toMatch(/^1/);
    expect(await mine.getByRole('button', { name: /^Helpful/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Another member finds it helpful, once; the count shows it.
    const other = await signedIn(await app.member());
    const otherPage = await other.newPage();
    await otherPage.goto(`${app.siteUrl}/products/${productId}?order=newest`);
    const theirs = item(otherPage, '.review', 'Fast and steady');
    await theirs.getByRole('button', { name: 'Helpful (“Fast and steady”)' }).click();
    await theirs.getByText('You found this helpful').waitFor();
    await theirs.getByText('1 person found this helpful').waitFor();
    await other.close();
    await page.reload();
    await mine.getByText('1 person found this helpful').waitFor();

    // A second review of the same product is refused beside the form, keeping what was typed.
    await page.getByRole('radio', { name: '5 stars' }).check();
    await page.getByLabel('Title').fill('Even better now');
    await page.getByLabel('Your review').fill('A firmware update fixed the admin pages.');
    await page.getByRole('button', { name: 'Publish review' }).click();
    await page
      .locator('.review-form')
      .getByRole('alert')
      .getByText('You have already reviewed this product')
      .waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Even better now');
    expect(await page.getByRole('radio', { name: '5 stars' }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'product');
    await context.close();
  });

  it('writes the rating average with the Dutch decimal comma, readable in dark mode', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/products/${productId}`);
    await page.getByRole('heading', { level: 1, name: 'Router X1' }).waitFor();
    await page.locator('.product-head .rating-average').getByText('3,5').waitFor();
    await page.getByRole('heading', { name: 'Waarderingen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${app.siteUrl}/ideas/features`);
    await page.getByRole('link', { name: 'Meeste stemmen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${app.siteUrl}/ideas/i/${duplicateId}`);
    await page.getByRole('heading', { name: 'Dit idee is samengevoegd' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  // Last: a second board changes what /ideas shows.
  it('lists the idea boards when there are several, and pages a board with More, with and without scripts', async () => {
    const admin = await app.member('ADMIN');
    const boardId = await app.board(admin, 'IDEAS', 'roadmap');
    for (let n = 1; n <= 22; n++) {
      await submitIdea(app, author, boardId, `Roadmap idea number ${String(n).padStart(2, '0')}`);
    }
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${app.siteUrl}/ideas`);
      await page.getByRole('heading', { level: 1, name: 'Ideas' }).waitFor();
      expect(await page.getByRole('link', { name: /^Board (features|roadmap)$/ }).count()).toBe(2);
      if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Board roadmap' }).click();
      await page.getByRole('link', { name: 'Newest' }).click();
      await currentTab(page, 'Newest').waitFor();
      await page.getByRole('link', { name: 'Roadmap idea number 22' }).waitFor();
      // The link after the list: without scripts the page streams in, and its first idea
      // arrives before the others.
      const more = page.getByRole('link', { name: 'More ideas' });
      await more.waitFor();
      expect(await page.locator('.idea-item').count()).toBe(20);
      await more.click();
      if (javaScriptEnabled) {
        // Added below the first page, which stays.
        await page.locator('.idea-item').nth(21).waitFor();
        expect(await page.locator('.idea-item').count()).toBe(22);
        expect(page.url()).not.toContain('after=');
      } else {
        // The next page itself, with the way back to the first.
        await page.waitForURL(/after=/);
        expect(await page.locator('.idea-item').count()).toBe(2);
        await page.getByRole('link', { name: 'Back to the first ideas' }).waitFor();
      }
      await page.getByRole('link', { name: 'Roadmap idea number 01' }).waitFor();
      expect(await page.getByRole('link', { name: 'More ideas' }).count()).toBe(0);
      await context.close();
    }
  });
});
