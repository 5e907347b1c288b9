import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ChildApp, freePort, until } from './fault-services';
import { type Member, TestApp, type TestAppOptions } from './test-app';

const ROOT = join(__dirname, '..', '..');

/**
 * The platform as a customer meets it: a TestApp's API (and worker) with the site in front of
 * it, served from its production build by its own process on a free port.
 */
export class WebApp extends TestApp {
  site!: ChildApp;
  siteUrl!: string;

  override async start(options: TestAppOptions = {}): Promise<this> {
    const port = await freePort();
    this.siteUrl = `http://127.0.0.1:${port}`;
    // The site forwards each visitor's address; the API believes it from this machine only.
    // Links in emails lead to the site.
    await super.start({
      ...options,
      env: { TRUST_PROXY: 'loopback', PUBLIC_URL: this.siteUrl, ...options.env },
    });
    this.site = new ChildApp('web', join(ROOT, 'apps', 'web', 'server.js'), {
      NODE_ENV: 'test',
      WEB_PORT: String(port),
      API_URL: this.url.replace(/\/graphql$/, ''),
    });
    const site = this.site;
    await until('the site is up', async () => {
      if (site.exit) throw new Error(`the site exited: ${site.tail()}`);
      return (await fetch(`${this.siteUrl}/health/live`).catch(() => null))?.ok === true;
    });
    return this;
  }

  /** Signs `member` in through the site's form in a new page of `context`, landing on `returnTo`. */
  async signInPage(context: BrowserContext, member: Member, returnTo = '/'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${this.siteUrl}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  override async stop(): Promise<void> {
    await this.site?.stop();
    await super.stop();
  }
}
