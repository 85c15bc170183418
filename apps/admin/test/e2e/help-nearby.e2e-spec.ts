/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The support directory screen as a coordinator uses it, in headless Chromium against the built
 * API with its demo data (the sample directory of Bắc Kạn city): the sample entries are marked,
 * a new contact for a ward is added and found by the ward it serves, and one is deleted.
 *
 * Needs apps/api/dist, apps/admin/dist and /usr/bin/chromium, as console.e2e-spec.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { E2E_ADMIN, requireBuilds, startApi, type RunningApi } from './support/api-server';
import { hasChromium, launchChromium } from './support/chromium';
import { choose, ConsolePages, signIn, tableRows as rows } from './support/console-pages';

const text = messages['vi-VN'];
const h = text.helpNearby;
const admin = E2E_ADMIN;

describe.skipIf(!hasChromium)('support directory screen in Chromium', () => {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  const pages = new ConsolePages(() => ({ browser, baseUrl: api?.baseUrl }));

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
    const page = await pages.open();
    await signIn(page, admin);
    return page;
  }

  it('marks the sample entries, adds a contact for a ward and finds it by that ward', async () => {
    const page = await signedIn();
    await page
      .getByRole('navigation', { name: text.nav.label })
      .getByRole('link', { name: h.nav.contacts })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(h.contacts.title);
    const sampleRow = rows(page).filter({ hasText: 'Công an phường Đức Xuân (dữ liệu mẫu)' });
    await expect.poll(() => sampleRow.count()).toBe(1);
    expect(await sampleRow.textContent()).toContain(h.contacts.sample);
    const emergency = rows(page).filter({ hasText: 'Công an – số khẩn cấp 113' });
    expect(await emergency.textContent()).toContain(h.contacts.nationwide);
    expect(await emergency.textContent()).not.toContain(h.contacts.sample);

    await page.getByRole('link', { name: h.contacts.add }).click();
    await page.getByLabel(h.form.name, { exact: true }).fill('Hội Phụ nữ phường Sông Cầu');
    await choose(page, h.form.kind, h.kinds.womens_union);
    await page.getByLabel(h.form.phone, { exact: true }).fill('gọi 113');
    await page.getByRole('button', { name: text.common.save }).click();
    await page.getByText(h.form.phoneInvalid).waitFor();
    await page.getByLabel(h.form.phone, { exact: true }).fill('0000 000 050');
    await choose(page, h.form.units, 'UBND phường Sông Cầu');
    await page.getByRole('button', { name: text.common.save }).click();
    await page.waitForURL('**/help-nearby/contacts');
    await page
      .getByText(h.contacts.createdDone.replace('{name}', 'Hội Phụ nữ phường Sông Cầu'))
      .waitFor();

    await choose(page, h.contacts.unitLabel, 'UBND phường Sông Cầu');
    await page.getByRole('button', { name: text.common.search, exact: true }).click();
    // The list reloads filtered: the other ward's police leave it.
    await expect
      .poll(async () => (await rows(page).allTextContents()).join('\n'))
      .not.toContain('Công an phường Đức Xuân');
    const shown = (await rows(page).allTextContents()).join('\n');
    expect(shown).toContain('Hội Phụ nữ phường Sông Cầu');
    // The ward's own contact, the city's and the nationwide ones; not another ward's.
    expect(shown).toContain('Phòng Lao động – Thương binh và Xã hội thành phố (dữ liệu mẫu)');
    expect(shown).toContain('Công an – số khẩn cấp 113');
  });

  it('imports contacts from a CSV file only once the same text passed a check', async () => {
    const page = await signedIn();
    await page.goto('/help-nearby/contacts/import');
    const imp = h.importPage;
    const header = 'name,kind,phone,address,opening_hours,notes,units,topics,review_due_on,sample';
    const line = (kind: string) => `Đường dây nóng phường Sông Cầu,${kind},0000 000 070,,,,,,,`;
    const run = page.getByRole('button', { name: imp.run, exact: true });
    const check = page.getByRole('button', { name: imp.dryRun, exact: true });

    // A file saved by a spreadsheet program: its byte-order mark is dropped, its name shown.
    await page.getByLabel(imp.file, { exact: true }).setInputFiles({
      name: 'noi-ho-tro.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${header}\n${line('no_such_kind')}\n`),
    });
    await page.getByText('noi-ho-tro.csv').waitFor();
    const content = page.getByLabel(imp.text, { exact: true });
    expect(await content.inputValue()).toBe(`${header}\n${line('no_such_kind')}\n`);

    await check.click();
    await page.getByText(imp.errorsCaption.replace('{count}', '1')).waitFor();
    expect(await rows(page).first().textContent()).toContain('kind');
    expect(await run.isDisabled()).toBe(true);

    await content.fill(`${header}\n${line('police')}\n`);
    expect(await page.getByText(imp.errorsCaption.replace('{count}', '1')).count()).toBe(0);
    await check.click();
    await page
      .getByText(imp.dryRunResult.replace('{created}', '1').replace('{updated}', '0'))
      .waitFor();
    await run.click();
    await page
      .getByText(imp.importResult.replace('{created}', '1').replace('{updated}', '0'))
      .waitFor();
    expect(await run.isDisabled()).toBe(true);

    await page.goto('/help-nearby/contacts');
    await expect
      .poll(async () => (await rows(page).allTextContents()).join('\n'))
      .toContain('Đường dây nóng phường Sông Cầu');
  });

  it('shows the licensed companies list with its date, and replaces it from a checked file', async () => {
    const page = await signedIn();
    await page.goto('/help-nearby/companies');
    const current = page.locator('.companies__current');
    await expect.poll(() => current.textContent()).toContain(h.companies.sample);
    await expect
      .poll(async () => (await rows(page).allTextContents()).join('\n'))
      .toContain('Công ty TNHH Nhân lực Ánh Dương (mẫu)');

    const csv = [
      'STT,Tên doanh nghiệp,Số giấy phép,Ngày cấp,Tình trạng',
      '1,Công ty TNHH Hợp tác Quốc tế Bình Minh,301/GP,02/05/2021,Đang hoạt động',
    ].join('\n');
    await page
      .getByLabel(h.companies.file, { exact: true })
      .setInputFiles({ name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const replace = page.getByRole('button', { name: h.companies.replace });
    expect(await replace.isDisabled()).toBe(true);
    await page.getByRole('button', { name: h.importPage.dryRun, exact: true }).click();
    await page.getByText(h.companies.checkedResult.replace('{count}', '1')).waitFor();
    await replace.click();
    await page.getByText(h.companies.importedResult.replace('{count}', '1')).waitFor();
    await expect
      .poll(async () => (await rows(page).allTextContents()).join('\n'))
      .toContain('Công ty TNHH Hợp tác Quốc tế Bình Minh');
    expect((await rows(page).allTextContents()).join('\n')).not.toContain('Ánh Dương');
    // The sample tag leaves with Element Plus's fade: poll until it is gone.
    await expect.poll(() => current.textContent()).not.toContain(h.companies.sample);
  });
});
