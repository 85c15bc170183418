/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * Pages of the built console in Chromium for the browser tests: a fresh browser context per
 * page (Vietnamese, 1366×768, no motion, unless the spec asks otherwise), each page's uncaught
 * errors collected, signing in through the login form, and the console's tables, selects and
 * screenshots as the specs read them.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { messages } from '@/locales/messages';

const login = messages['vi-VN'].auth.login;

/**
 * A browser set to English and to Europe/Paris: the console must still speak Vietnamese and
 * show dates as dd/mm/yyyy in Vietnam's time.
 */
export const FOREIGN_BROWSER: BrowserContextOptions = {
  locale: 'en-US',
  timezoneId: 'Europe/Paris',
};

export class ConsolePages {
  private readonly contexts: BrowserContext[] = [];
  private errors: string[] = [];

  /**
   * `started` gives the browser and the API's address once beforeAll has started them;
   * `settings` replace the defaults for every page of the spec (FOREIGN_BROWSER, say).
   */
  constructor(
    private readonly started: () => { browser?: Browser; baseUrl?: string },
    private readonly settings: BrowserContextOptions = {},
  ) {}

  /** A page in a context of its own (its own cookies); `options` replace the spec's settings. */
  async open(options: BrowserContextOptions = {}): Promise<Page> {
    const { browser, baseUrl } = this.started();
    if (!browser || !baseUrl) throw new Error('beforeAll did not start the API and the browser');
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'vi-VN',
      viewport: { width: 1366, height: 768 },
      // Charts and drawers in place at once, for steady screenshots.
      reducedMotion: 'reduce',
      ...this.settings,
      ...options,
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

/**
 * Fills in and sends the Vietnamese login form, opening it first unless it is shown already
 * (so that where the console sent the page, `?redirect=` or `?reason=expired`, stays).
 */
export async function submitLogin(
  page: Page,
  who: { email: string; password: string },
): Promise<void> {
  if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
  await page.getByLabel(login.email).fill(who.email);
  await page.getByLabel(login.password).fill(who.password);
  await page.getByRole('button', { name: login.submit }).click();
}

/** Signs in through the login form (see submitLogin) and waits to leave it. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await submitLogin(page, who);
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The rows of the page's Element Plus table. */
export const tableRows = (page: Page) => page.locator('.el-table__body tbody tr');

/**
 * Opens the Element Plus select labelled `label` and waits for its options (its own list, by
 * aria-controls).
 */
export async function openSelect(page: Page, label: string): Promise<Locator> {
  const select = page.getByRole('combobox', { name: label, exact: true });
  // The select's placeholder lies over its input: the click goes to the select itself.
  await select.click({ force: true });
  const list = await select.getAttribute('aria-controls');
  const items = page.locator(`[id="${list}"] .el-select-dropdown__item`);
  await items.first().waitFor();
  return items;
}

/** Picks the first option that contains `option` in the select labelled `label`. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await (await openSelect(page, label)).filter({ hasText: option }).first().click();
}

/** The visible form controls with no name (no label, aria-label or aria-labelledby). */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => {
        const input = el as HTMLInputElement;
        if (input.type === 'hidden' || input.type === 'radio' || input.type === 'file') {
          return false;
        }
        const box = input.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        return !(
          (input.labels?.length ?? 0) > 0 ||
          input.getAttribute('aria-label') ||
          input.getAttribute('aria-labelledby')
        );
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Screenshots of the screens, for a person to look at (git-ignored). */
export const SCREENSHOTS = path.resolve(__dirname, '../../../test-results/screenshots');

/** Saves the whole page as `<name>.png` in SCREENSHOTS. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
