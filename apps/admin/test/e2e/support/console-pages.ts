/**
 * Pages of the built console in Chromium for the browser tests: a fresh browser context per
 * page (Vietnamese, 1366×768, no motion), each page's uncaught errors collected, and signing in
 * through the login form.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { messages } from '@/locales/messages';

const login = messages['vi-VN'].auth.login;

export class ConsolePages {
  private readonly contexts: BrowserContext[] = [];
  private errors: string[] = [];

  /** `started` gives the browser and the API's address once beforeAll has started them. */
  constructor(private readonly started: () => { browser?: Browser; baseUrl?: string }) {}

  async open(): Promise<Page> {
    const { browser, baseUrl } = this.started();
    if (!browser || !baseUrl) throw new Error('beforeAll did not start the API and the browser');
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'vi-VN',
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.errors.push(error.message));
    return page;
  }

  /** For afterEach: closes the pages and fails the test on any uncaught error in them. */
  async closeAll(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
    const errors = this.errors;
    this.errors = [];
    expect(errors, 'uncaught errors in the page').toEqual([]);
  }
}

/** Signs in through the Vietnamese login form and waits to leave it. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(login.email).fill(who.email);
  await page.getByLabel(login.password).fill(who.password);
  await page.getByRole('button', { name: login.submit }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The rows of the page's Element Plus table. */
export const tableRows = (page: Page) => page.locator('.el-table__body tbody tr');
