/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The coordinating office's reporting screens (issue 13) with the demo data: the tracking
 * matrix of the yearly plan report, then its totals, and both export files downloaded. Both
 * screens are photographed into test-results/screenshots (the staff guide's pictures come from
 * test/guide/screens.ts).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { E2E_ADMIN, requireBuilds, startApi, type RunningApi } from './support/api-server';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './support/chromium';
import { ConsolePages, FOREIGN_BROWSER, screenshot, signIn } from './support/console-pages';

const text = messages['vi-VN'];
const tracking = text.reportingTracking;
const admin = E2E_ADMIN;

if (!hasChromium) {
  console.warn(`Reporting browser tests SKIPPED: ${CHROMIUM_PATH} not found.`);
}

describe.skipIf(!hasChromium)('reporting tracking and totals in Chromium', () => {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  const pages = new ConsolePages(() => ({ browser, baseUrl: api?.baseUrl }), FOREIGN_BROWSER);

  beforeAll(async () => {
    requireBuilds();
    [api, browser] = await Promise.all([
      startApi({ adminEmail: admin.email, adminPassword: admin.password }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  afterEach(() => pages.closeAll());

  async function signedIn(): Promise<Page> {
    const page = await pages.open({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    await signIn(page, admin);
    return page;
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  const nav = (page: Page) => page.getByRole('navigation', { name: text.nav.label });

  it('shows who has reported, with the overdue units, and downloads the totals as XLSX and DOCX', async () => {
    const page = await signedIn();
    await nav(page).getByRole('link', { name: text.nav.reportingTracking, exact: true }).click();
    await expect.poll(() => heading(page).innerText()).toBe(tracking.matrix.title);

    // The yearly plan report of the demo data: one unit in each state.
    const table = page.getByTestId('matrix-table');
    await expect
      .poll(() => table.locator('[data-status]').count(), { timeout: 20_000 })
      .toBeGreaterThan(3);
    const statuses = await table.locator('[data-status]').allInnerTexts();
    for (const status of ['accepted', 'returned', 'draft', 'not_started'] as const)
      expect(statuses).toContain(tracking.statuses[status]);
    const accepted = await page.getByTestId('count-accepted').innerText();
    expect(accepted).toBe(`${tracking.statuses.accepted}: 1`);
    // A unit with a report links to it; the report of the accepted unit is one click away.
    const link = table.getByRole('link', { name: 'Phòng Văn hóa và Thông tin', exact: true });
    expect(await link.getAttribute('href')).toMatch(/^\/reporting\/submissions\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: tracking.matrix.remind }).waitFor();
    await screenshot(page, 'reporting-tracking');

    // Filtering by a status count narrows the table to it.
    await page.getByTestId('count-returned').click();
    await expect
      .poll(() => table.locator('[data-status]').allInnerTexts())
      .toEqual([tracking.statuses.returned]);

    await nav(page).getByRole('link', { name: text.nav.reportingTotals, exact: true }).click();
    await expect.poll(() => heading(page).innerText()).toBe(tracking.totals.title);
    const completeness = page.getByTestId('completeness-table');
    await expect
      .poll(() => completeness.locator('.el-table__body tr').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.locator('canvas').first().waitFor();
    // The five counts fit their half of the page: "Chưa nộp" without scrolling sideways.
    expect(
      await completeness
        .locator('.el-scrollbar__wrap')
        .first()
        .evaluate((el) => el.scrollWidth - el.clientWidth),
    ).toBeLessThanOrEqual(1);
    const missing = completeness.getByRole('columnheader', { name: tracking.totals.missing });
    const card = await completeness.boundingBox();
    const header = await missing.boundingBox();
    expect(header!.x + header!.width).toBeLessThanOrEqual(card!.x + card!.width + 1);
    // The city's wards load when its row is opened.
    const totalsTable = page.getByTestId('totals-table');
    await totalsTable
      .locator('tr', { hasText: 'UBND thành phố Bắc Kạn' })
      .locator('.el-table__expand-icon')
      .click();
    await totalsTable.getByText('UBND phường Đức Xuân').waitFor();
    await screenshot(page, 'reporting-totals');

    for (const [testId, extension, magic] of [
      ['download-xlsx', 'xlsx', 'PK'],
      ['download-docx', 'docx', 'PK'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(testId).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^bao-cao-.+\\.${extension}$`));
      const file = await download.path();
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 2).toString()).toBe(magic);
      expect(bytes.length).toBeGreaterThan(3000);
    }
  });
});
