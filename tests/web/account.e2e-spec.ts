import type { Browser } from 'playwright-core';
import { launchBrowser, seriousViolations } from '../support/browser';
import { Mailbox } from '../support/mailbox';
import { eventually } from '../support/test-app';
import { WebApp } from '../support/web-app';

/** Signing out for real, and choosing a new password from an emailed link, in Chromium. */
describe('a member’s account on the site', () => {
  const app = new WebApp();
  const mailbox = new Mailbox();
  let browser: Browser;

  beforeAll(async () => {
    const smtpUrl = await mailbox.start();
    await app.start({ worker: true, env: { SMTP_URL: smtpUrl } });
    browser = await launchBrowser();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await app.stop();
    await mailbox.stop();
  });

  async function signIn(email: string, password: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return { context, page };
  }

  it('signs out in the API too: the session cookie replayed afterwards signs nobody in', async () => {
    const member = await app.member();
    const { context, page } = await signIn(member.email, member.password);
    const [session] = (await context.cookies()).filter((cookie) => cookie.name === 'session');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();

    const replay = await browser.newContext();
    await replay.addCookies([session]);
    const again = await replay.newPage();
    await again.goto(app.siteUrl);
    await again.getByRole('link', { name: 'Sign in' }).first().waitFor();
    expect(await again.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await Promise.all([context.close(), replay.close()]);
  });

  it('resets a forgotten password by the emailed link, once, ending the other sessions', async () => {
    const member = await app.member();
    const elsewhere = await signIn(member.email, member.password);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(member.email.toUpperCase());
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const mail = await eventually(async () => mailbox.to(member.email)[0], Boolean);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(
      // The body is quoted-printable: soft line breaks and =XX escapes.
      mail.raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_match, hex: string) =>
          String.fromCharCode(parseInt(hex, 16)),
        ),
    )?.[1];
    expect(link).toBeDefined();
    await page.goto(String(link));
    await page.getByLabel('New password').fill('a-brand-new-passphrase');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    // The session signed in before the reset is over.
    await elsewhere.page.reload();
    await elsewhere.page.getByRole('link', { name: 'Sign in' }).first().waitFor();

    // The link works once.
    const reuse = await browser.newPage();
    await reuse.goto(String(link));
    await reuse.getByLabel('New password').fill('yet-another-passphrase');
    await reuse.getByRole('button', { name: 'Set password and sign in' }).click();
    await reuse.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await Promise.all([context.close(), elsewhere.context.close(), reuse.close()]);
  });

  it('answers an unknown email exactly as a known one, and sends nothing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.siteUrl}/forgot-password`);
    await page.getByLabel('Email').fill('nobody-here@example.com');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('nobody-here@example.com');
    expect(mailbox.to('nobody-here@example.com')).toEqual([]);
    await context.close();
  });
});
