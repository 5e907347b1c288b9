import type { Browser } from 'playwright-core';
import { launchBrowser, screenshots, seriousViolations } from '../support/browser';
import { WebApp } from '../support/web-app';

/** The site's frame: home, sign-up and sign-in in Chromium, with and without scripts, in two languages. */
describe('the site', () => {
  const app = new WebApp();
  let browser: Browser;

  beforeAll(async () => {
    await app.start();
    browser = await launchBrowser();
    const admin = await app.member('ADMIN');
    await app.board(admin, 'QUESTIONS', 'help');
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('shows the home page with its boards, accessible, at phone and desktop widths', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.siteUrl);
    await page.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
    expect(await page.getByRole('link', { name: 'Board help' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'home');
    await context.close();
  });

  it('is usable from the keyboard: the first Tab offers to skip to the content, and the header follows in order', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.siteUrl);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe(
      'Skip to content',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('content');
    // From the top again: brand, then the main navigation, in reading order.
    await page.goto(app.siteUrl);
    const focused: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate<string>('document.activeElement.textContent'));
    }
    expect(focused).toEqual(['Skip to content', 'Community', 'Home', 'Ideas', 'Products']);
    await context.close();
  });

  it('speaks Dutch to a Dutch browser, and switches language on request', async () => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(app.siteUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.getByRole('link', { name: 'Inloggen' }).waitFor();
    await page.goto(`${app.siteUrl}/sign-in`);
    expect(await page.title()).toBe('Inloggen · Community');
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it.each([
    ['with scripts', true],
    ['without scripts', false],
  ])(
    'signs a new member up and in %s, keeping what was typed when a field is refused',
    async (_how, javaScriptEnabled) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const handle = `web_${javaScriptEnabled ? 'js' : 'plain'}`;
      await page.goto(`${app.siteUrl}/sign-up`);
      await page.getByLabel('Name others see you by').fill(handle);
      await page.getByLabel('Email').fill(`${handle}@example.com`);
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('alert').first().waitFor();
      expect(await page.getByLabel('Email').getAttribute('value')).toBe(`${handle}@example.com`);
      expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
      // axe runs in the page, so only where scripts do.
      if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('Password').fill('correct-horse-battery');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      const cookies = await context.cookies();
      const session = cookies.find((cookie) => cookie.name === 'session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      // Page scripts cannot read the session.
      if (javaScriptEnabled)
        expect(await page.evaluate<string>('document.cookie')).not.toContain('session');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
      await page.goto(`${app.siteUrl}/sign-in`);
      await page.getByLabel('Email').fill(`${handle}@example.com`);
      await page.getByLabel('Password').fill('wrong-password-here');
      await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('That email and password do not match an account.').waitFor();
      expect(await page.getByLabel('Email').getAttribute('value')).toBe(`${handle}@example.com`);
      await page.getByLabel('Password').fill('correct-horse-battery');
      await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await context.close();
    },
  );

  it('refuses a sign-in posted from another site', async () => {
    const response = await fetch(`${app.siteUrl}/sign-in`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'email=a%40b.c&password=x',
      redirect: 'manual',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});
