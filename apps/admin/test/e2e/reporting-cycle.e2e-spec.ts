/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * One whole reporting cycle of issue 13, the console in headless Chromium and a ward's officer
 * on Telegram: the built API (demo data), the built console and the built bot, its real telegraf
 * client polling the fake Telegram Bot API (apps/bot/test/support). An administrator builds a
 * small template and sees it in the preview; the ward's officer links the chat with a code the
 * API issued (/lienket) and sends the report through the bot (/baocao); the administrator finds
 * it in the tracking matrix and returns it with a comment, which reaches the officer on
 * Telegram; the officer corrects it in the bot and sends it again; the administrator accepts
 * it, locks the period and downloads both files, read back here: the XLSX with exceljs, the
 * DOCX's word/document.xml, each with the corrected figure.
 *
 * Needs apps/api/dist, apps/bot/dist, apps/admin/dist and /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs';
import { unitKindLabelsVi, type UnitResponse } from '@gcm/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import {
  FakeTelegramServer,
  telegramUpdates,
  type UpdateInput,
} from '../../../bot/test/support/fake-telegram-server';
import { sentTo, type Sent } from '../../../bot/test/support/telegram-chat';
import { E2E_ADMIN, apiAs, requireBuilds } from './support/api-server';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './support/chromium';
import { ConsolePages, signIn, tableRows } from './support/console-pages';
import { startHelpdesk, type Helpdesk } from './support/helpdesk';

const text = messages['vi-VN'];
const r = text.reporting;
const tracking = text.reportingTracking;
const admin = E2E_ADMIN;
const OFFICER = 'Đinh Thị Thu Hà';
const CHAT = 7301;

const TEMPLATE = {
  title: 'Báo cáo nhanh người di cư trở về',
  code: 'bao_cao_nhanh_di_cu_tro_ve',
  section: 'Số liệu trong năm',
  cases: 'Số người di cư trở về',
  supported: 'Số người được hỗ trợ tái hòa nhập',
  supportedKey: 'so_nguoi_duoc_ho_tro_tai_hoa_nhap',
};
const COMMENT = 'Số người được hỗ trợ chưa khớp sổ theo dõi của phường, đề nghị kiểm tra lại.';
const ISSUER = 'Ủy ban nhân dân thành phố Bắc Kạn';

if (!hasChromium) {
  console.warn(`Reporting cycle browser test SKIPPED: ${CHROMIUM_PATH} not found.`);
}

describe.skipIf(!hasChromium)(
  'a reporting cycle: the console, the bot on Telegram, the files',
  () => {
    let telegram: FakeTelegramServer | undefined;
    let helpdesk: Helpdesk | undefined;
    let browser: Browser | undefined;
    const pages = new ConsolePages(() => ({ browser, baseUrl: helpdesk?.api.baseUrl }));

    beforeAll(async () => {
      requireBuilds();
      telegram = await FakeTelegramServer.start();
      [helpdesk, browser] = await Promise.all([
        startHelpdesk(admin, {
          TELEGRAM_BOT_TOKEN: telegram.token,
          TELEGRAM_API_ROOT: telegram.apiRoot,
        }),
        launchChromium(),
      ]);
    });

    afterAll(async () => {
      await browser?.close();
      await helpdesk?.stop();
      await telegram?.close();
    });

    afterEach(() => pages.closeAll());

    // --- Telegram, as the officer sees it ------------------------------------------------------

    let nextUpdateId = 1;
    /** Sends an update from the officer's chat; the bot's new messages once one meets `until`. */
    async function say(update: UpdateInput, until: (m: Sent) => boolean): Promise<Sent[]> {
      const before = sentTo(telegram!, CHAT).length;
      telegram!.pushUpdate({ ...update, update_id: nextUpdateId++ });
      await telegram!.waitUntil(
        () => sentTo(telegram!, CHAT).slice(before).some(until),
        20_000,
        `the bot's answer to ${JSON.stringify(update).slice(0, 120)}`,
      );
      return sentTo(telegram!, CHAT).slice(before);
    }
    const typed = (value: string, until: (m: Sent) => boolean) =>
      say(telegramUpdates.text(CHAT, value), until);
    const pressed = (data: string, until: (m: Sent) => boolean) =>
      say(telegramUpdates.callback(CHAT, data), until);
    const startsWith = (prefix: string) => (m: Sent) => m.text.startsWith(prefix);
    const last = (list: Sent[]) => list[list.length - 1]!;
    const button = (message: Sent, label: (text: string) => boolean) => {
      const found = message.buttons.find((b) => label(b.text));
      expect(found, message.buttons.map((b) => b.text).join(' | ')).toBeDefined();
      return found!.callback_data!;
    };

    // --- The console ------------------------------------------------------------------------

    async function signedIn(): Promise<Page> {
      const page = await pages.open({
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: { width: 1366, height: 900 },
        acceptDownloads: true,
      });
      await signIn(page, admin);
      return page;
    }

    const heading = (page: Page) => page.getByRole('heading', { level: 1 });
    const flash = (page: Page) => page.locator('.alert--success');
    const field = (page: Page, n: number) =>
      page.getByRole('group', { name: r.builder.fieldN.replace('{n}', String(n)) });
    const confirmWith = (page: Page, name: string) =>
      page.locator('.el-message-box').getByRole('button', { name, exact: true }).click();
    const download = async (
      page: Page,
      testId: string,
    ): Promise<{ name: string; bytes: Buffer }> => {
      const [file]: [Download, void] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(testId).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };

    it(
      'builds a template, takes the report through Telegram, returns and accepts it, locks the period and exports it',
      { timeout: 300_000 },
      async () => {
        const { api } = helpdesk!;
        const office = await apiAs(api.baseUrl, admin.email, admin.password);
        const ward: UnitResponse = (await office.units.list({ kind: 'commune', pageSize: 5 }))
          .items[0]!;
        expect(ward, 'a ward in the demo data').toBeDefined();

        // 1. The administrator builds a small template and sees it as the bot will ask it.
        const page = await signedIn();
        await page.goto('/reporting/templates');
        await expect.poll(() => heading(page).innerText()).toBe(r.templates.title);
        await page.getByRole('link', { name: r.templates.add }).click();
        await expect.poll(() => heading(page).innerText()).toBe(r.builder.createTitle);
        await page.getByLabel(r.builder.templateTitle).fill(TEMPLATE.title);
        await page.getByLabel(r.builder.code, { exact: true }).fill(TEMPLATE.code);
        await page.locator('.el-checkbox').filter({ hasText: unitKindLabelsVi.commune }).click();
        await page.getByLabel(r.builder.dueDay).fill('31');
        await page.getByLabel(r.builder.dueMonth).fill('12');
        await page.getByLabel(r.builder.sectionTitle).fill(TEMPLATE.section);
        await field(page, 1).getByLabel(r.builder.fieldLabel).fill(TEMPLATE.cases);
        await field(page, 1).getByLabel(r.builder.fieldLabel).blur();
        await page.getByRole('button', { name: r.builder.addField }).click();
        await field(page, 2).getByLabel(r.builder.fieldLabel).fill(TEMPLATE.supported);
        await field(page, 2).getByLabel(r.builder.fieldLabel).blur();
        await expect
          .poll(() => field(page, 2).getByLabel(r.builder.fieldKey).inputValue())
          .toBe(TEMPLATE.supportedKey);

        await page.getByRole('button', { name: r.builder.preview }).click();
        const preview = page.getByRole('region', { name: r.preview.label });
        const bubbles = preview.locator('.bot-preview__bubble');
        await expect.poll(() => bubbles.count()).toBe(2);
        expect(await bubbles.nth(0).innerText()).toContain(TEMPLATE.cases);
        expect(await bubbles.nth(1).innerText()).toContain(TEMPLATE.supported);
        expect(await bubbles.nth(1).innerText()).toMatch(/số nguyên không âm/i);

        await page.getByRole('button', { name: r.builder.save }).click();
        await page.waitForURL(/\/reporting\/templates\/[0-9a-f-]{36}$/);
        await expect
          .poll(() => flash(page).innerText())
          .toMatch(/^Đã lưu phiên bản 1, áp dụng từ /);
        const templateId = page.url().split('/').pop()!;

        // 2. The ward's officer links the Telegram chat with a code the API issued…
        const { user } = await office.users.create({
          email: 'thu.ha.phuong.e2e@example.gov.vn',
          fullName: OFFICER,
          role: 'unit_reporter',
          unitId: ward.id,
        });
        const { code } = await office.linkedAccounts.issueCode(ward.id, { userId: user.id });
        const linked = await typed(`/lienket ${code}`, (m) => m.text.includes('Việc của đơn vị'));
        expect(linked[0]!.text).toContain(`cán bộ ${OFFICER}, đơn vị ${ward.name}`);

        // …and sends the report through the bot: /baocao, the template, both figures, "Gửi".
        const list = await typed('/baocao', (m) => m.text.includes(TEMPLATE.title));
        const owed = list.find((m) => m.text.includes(TEMPLATE.title))!;
        const open = button(owed, (label) => label.includes('Báo cáo nhanh người di cư'));
        await pressed(open, startsWith('Mục 1/2'));
        await typed('5', startsWith('Mục 2/2'));
        let replies = await typed('4', startsWith('Xem lại báo cáo'));
        expect(last(replies).text).toContain(`2. ${TEMPLATE.supported}: 4`);
        replies = await pressed(
          button(last(replies), (label) => label === 'Gửi báo cáo'),
          startsWith('Đã gửi báo cáo'),
        );
        expect(last(replies).text).toContain(TEMPLATE.title);

        // 3. The administrator finds it in the tracking matrix, submitted on time.
        const [sent] = (await office.reports.list({ templateId, unitId: ward.id })).items;
        expect(sent).toMatchObject({ status: 'submitted' });
        const { periodKey, periodLabel } = sent!;
        await page.goto(`/reporting/tracking?template=${templateId}&period=${periodKey}`);
        await expect.poll(() => heading(page).innerText()).toBe(tracking.matrix.title);
        await expect
          .poll(() => page.getByTestId('count-submitted_on_time').innerText(), { timeout: 20_000 })
          .toBe(`${tracking.statuses.submitted_on_time}: 1`);
        await page.getByTestId('count-submitted_on_time').click();
        const matrix = page.getByTestId('matrix-table');
        await expect
          .poll(() => matrix.locator('[data-status]').allInnerTexts())
          .toEqual([tracking.statuses.submitted_on_time]);
        await matrix.getByRole('link', { name: ward.name, exact: true }).click();
        await page.waitForURL(`**/reporting/submissions/${sent!.id}`);
        await expect.poll(() => heading(page).innerText()).toBe(TEMPLATE.title);
        await page.getByText('4', { exact: true }).waitFor();

        // 4. …and returns it with a comment; the comment reaches the officer on Telegram.
        const before = sentTo(telegram!, CHAT).length;
        await page.getByRole('button', { name: r.submission.return }).click();
        const dialog = page.getByRole('dialog', { name: r.submission.returnTitle });
        await dialog.getByLabel(r.submission.comment).fill(COMMENT);
        await dialog.getByRole('button', { name: r.submission.returnSubmit, exact: true }).click();
        await expect.poll(() => flash(page).innerText()).toBe(r.submission.returned);
        await telegram!.waitUntil(
          () =>
            sentTo(telegram!, CHAT)
              .slice(before)
              .some((m) => m.text.includes(COMMENT)),
          30_000,
          'the return notice on Telegram',
        );
        const notice = sentTo(telegram!, CHAT)
          .slice(before)
          .find((m) => m.text.includes(COMMENT))!;
        expect(notice.text).toContain(`↩️ Báo cáo “${TEMPLATE.title}”`);
        expect(notice.text).toContain(
          `của ${ward.name} được trả lại để chỉnh sửa.\nLý do: ${COMMENT}`,
        );

        // 5. The officer opens it from the notice, corrects the second figure and sends it again.
        replies = await pressed(
          button(notice, (label) => label === 'Mở báo cáo để sửa'),
          startsWith('Xem lại báo cáo'),
        );
        expect(replies[0]!.text).toContain(COMMENT);
        replies = await typed('2', startsWith('Mục 2/2'));
        expect(last(replies).text).toContain('Giá trị đang lưu: 4');
        replies = await typed('6', startsWith('Xem lại báo cáo'));
        expect(last(replies).text).toContain(`2. ${TEMPLATE.supported}: 6`);
        await pressed(
          button(last(replies), (label) => label.startsWith('Gửi')),
          (m) => m.text.startsWith('Đã gửi'),
        );

        // 6. The administrator sees the correction, from Telegram, and accepts it.
        await page.reload();
        await page.getByText('6', { exact: true }).waitFor();
        const history = page.getByRole('region', { name: r.submission.history });
        await history.getByText(`${TEMPLATE.supported}: 4 → 6`).waitFor();
        expect(await history.innerText()).toContain(r.channels.telegram);
        expect(await history.innerText()).toContain(OFFICER);
        await page.getByRole('button', { name: r.submission.accept }).click();
        await confirmWith(page, r.submission.accept);
        await expect.poll(() => flash(page).innerText()).toBe(r.submission.accepted);
        await page.locator('.submission__status').getByText(r.status.accepted).waitFor();
        await telegram!.waitUntil(
          () => sentTo(telegram!, CHAT).some((m) => m.text.includes('đã được duyệt')),
          30_000,
          'the accepted notice on Telegram',
        );

        // 7. Locks the period.
        await page.goto(`/reporting/periods?templateId=${templateId}`);
        await expect.poll(() => heading(page).innerText()).toBe(r.periods.title);
        const row = tableRows(page).filter({ hasText: periodLabel });
        await row.getByRole('button', { name: r.periods.lock }).click();
        await confirmWith(page, r.periods.lock);
        await expect
          .poll(() => flash(page).innerText())
          .toBe(r.periods.lockedDone.replace('{period}', periodLabel));

        // 8. Downloads both files from the totals and reads the corrected figure in each.
        await page.goto(`/reporting/totals?template=${templateId}&period=${periodKey}`);
        await expect.poll(() => heading(page).innerText()).toBe(tracking.totals.title);
        await page
          .getByTestId('completeness-table')
          .locator('.el-table__body tr')
          .first()
          .waitFor({ timeout: 20_000 });
        await page.getByLabel(tracking.totals.issuer).fill(ISSUER);

        const xlsx = await download(page, 'download-xlsx');
        expect(xlsx.name).toBe(`bao-cao-bao-cao-nhanh-di-cu-tro-ve-${periodKey}.xlsx`);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
        const totalsRows = workbook.getWorksheet('Tổng hợp')!.getSheetValues() as unknown[][];
        const header = totalsRows.find((cells) => cells?.includes('Mã đơn vị'))!;
        const column = header.indexOf(TEMPLATE.supported);
        expect(column).toBeGreaterThan(0);
        const wardRow = totalsRows.find((cells) => cells?.[1] === ward.code)!;
        expect(wardRow[column]).toBe(6);
        expect(wardRow[header.indexOf(TEMPLATE.cases)]).toBe(5);
        // The ward's own sheet: its answers, numbers as numbers.
        const own = workbook.getWorksheet(ward.code)!.getSheetValues() as unknown[][];
        expect(own.find((cells) => cells?.[2] === TEMPLATE.supported)?.[3]).toBe(6);

        const docx = await download(page, 'download-docx');
        expect(docx.name).toBe(`bao-cao-bao-cao-nhanh-di-cu-tro-ve-${periodKey}.docx`);
        const xml = await (
          await JSZip.loadAsync(docx.bytes)
        )
          .file('word/document.xml')!
          .async('string');
        const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
          .map((m) => m[1])
          .join('|');
        expect(words).toContain(ISSUER.toUpperCase());
        expect(words).toContain(TEMPLATE.title);
        expect(words).toMatch(new RegExp(`\\|${TEMPLATE.supported}\\|+6\\|`));
        expect(words).toMatch(new RegExp(`\\|${TEMPLATE.cases}\\|+5\\|`));
      },
    );
  },
);
