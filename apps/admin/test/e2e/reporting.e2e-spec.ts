/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The reporting screens in headless Chromium against the built API with its demo data: an
 * administrator builds a small template in the builder (a wrong one first, told in Vietnamese
 * beside the field), sees it in the preview as the bot will ask it and saves it; a ward's
 * reporting officer (through the API) submits the report; the administrator returns it with a
 * comment; the officer sees the comment in the console, corrects the figure (a wrong value is
 * refused beside its field) and resubmits; the administrator accepts it and locks the period.
 * The plan, the reports list and the periods pages are photographed at 1366×768 too.
 *
 * Needs apps/api/dist, apps/admin/dist and /usr/bin/chromium, as console.e2e-spec.ts.
 */
import { isApiError, type ApiClient } from '@gcm/api-client';
import { accessibilityProblems } from '@gcm/testing';
import { errorMessagesVi, unitKindLabelsVi, type UnitResponse } from '@gcm/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { E2E_ADMIN, apiAs, requireBuilds, startApi, type RunningApi } from './support/api-server';
import { hasChromium, launchChromium } from './support/chromium';
import {
  choose,
  ConsolePages,
  FOREIGN_BROWSER,
  screenshot,
  signIn,
  tableRows,
} from './support/console-pages';

const text = messages['vi-VN'];
const r = text.reporting;
const admin = E2E_ADMIN;
const reporter = {
  email: 'can.bo.phuong.e2e@example.gov.vn',
  password: 'Mat-khau-phuong-2025',
  fullName: 'Trần Thị Báo Cáo',
};

const TEMPLATE = {
  title: 'Báo cáo thử nghiệm hỗ trợ người di cư',
  code: 'bao_cao_thu_nghiem_di_cu',
  section: 'Số liệu trong năm',
  cases: 'Số vụ việc phát hiện',
  supported: 'Số người được hỗ trợ',
  rule: 'so_nguoi_duoc_ho_tro >= so_vu_viec_phat_hien',
  ruleMessage: 'Số người được hỗ trợ không ít hơn số vụ việc.',
};
/** A 1×1 PNG. */
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const NEW_PLAN = 'Kế hoạch thực hiện công tác phòng, chống mua bán người năm 2026';
const TASK_TITLE = 'Rà soát danh sách người của địa phương đang làm việc ở nước ngoài';
const COMMENT = 'Số người được hỗ trợ chưa khớp sổ theo dõi, đề nghị kiểm tra lại.';

describe.skipIf(!hasChromium)('reporting screens in Chromium', () => {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  const pages = new ConsolePages(() => ({ browser, baseUrl: api?.baseUrl }), FOREIGN_BROWSER);
  let office: ApiClient;
  let ward: UnitResponse;

  beforeAll(async () => {
    requireBuilds();
    [api, browser] = await Promise.all([
      startApi({ adminEmail: admin.email, adminPassword: admin.password }),
      launchChromium(),
    ]);
    office = await apiAs(api.baseUrl, admin.email, admin.password);
    if ((await office.auth.me()).mustChangePassword) {
      throw new Error('the first administrator must not have to change the password');
    }
    const units = await office.units.list({ kind: 'commune', pageSize: 5 });
    ward = units.items[0]!;
    expect(ward, 'a ward in the demo data').toBeDefined();
    await office.users.create({
      email: reporter.email,
      fullName: reporter.fullName,
      role: 'unit_reporter',
      unitId: ward.id,
      password: 'Tam-thoi-phuong-2025',
    });
    // An account made by an administrator must change its password before anything else.
    const first = await apiAs(api.baseUrl, reporter.email, 'Tam-thoi-phuong-2025');
    await first.auth.changePassword({
      currentPassword: 'Tam-thoi-phuong-2025',
      newPassword: reporter.password,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  afterEach(() => pages.closeAll());

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  const flash = (page: Page) => page.locator('.alert--success');
  const field = (page: Page, n: number) =>
    page.getByRole('group', { name: r.builder.fieldN.replace('{n}', String(n)) });
  const confirmWith = (page: Page, name: string) =>
    page.locator('.el-message-box').getByRole('button', { name, exact: true }).click();

  it('builds a template, previews it, reviews a ward’s report and locks the period', async () => {
    // The administrator builds the template.
    const page = await pages.open();
    await signIn(page, admin);
    await page.goto('/reporting/templates');
    await expect.poll(() => heading(page).innerText()).toBe(r.templates.title);
    await page.getByRole('link', { name: r.templates.add }).click();
    await expect.poll(() => heading(page).innerText()).toBe(r.builder.createTitle);

    // Saved with nothing in it: the builder says what is missing, beside each field.
    await page.getByRole('button', { name: r.builder.save }).click();
    const titleItem = page.locator('.el-form-item').filter({ hasText: r.builder.templateTitle });
    await expect
      .poll(() => titleItem.locator('.field__error').innerText())
      .toMatch(/Tên mẫu báo cáo/);
    await page.getByRole('alert').filter({ hasText: r.builder.hasErrors }).waitFor();

    await page.getByLabel(r.builder.templateTitle).fill(TEMPLATE.title);
    await page.getByLabel(r.builder.code, { exact: true }).fill(TEMPLATE.code);
    await page.locator('.el-checkbox').filter({ hasText: unitKindLabelsVi.commune }).click();
    await page.getByLabel(r.builder.dueDay).fill('31');
    await page.getByLabel(r.builder.dueMonth).fill('12');
    await page.getByLabel(r.builder.sectionTitle).fill(TEMPLATE.section);
    await field(page, 1).getByLabel(r.builder.fieldLabel).fill(TEMPLATE.cases);
    await field(page, 1).getByLabel(r.builder.fieldLabel).blur();
    // The key is made from the label, ready for the rules.
    await expect
      .poll(() => field(page, 1).getByLabel(r.builder.fieldKey).inputValue())
      .toBe('so_vu_viec_phat_hien');
    await page.getByRole('button', { name: r.builder.addField }).click();
    await field(page, 2).getByLabel(r.builder.fieldLabel).fill(TEMPLATE.supported);
    await field(page, 2).getByLabel(r.builder.fieldLabel).blur();
    await field(page, 2).getByLabel(r.builder.help).fill('Kể cả người được hỗ trợ học nghề.');

    // A rule naming a field that does not exist is caught; the right one names its fields.
    await page.getByRole('button', { name: r.builder.addRule }).click();
    const rule = page.getByRole('group', { name: r.builder.ruleN.replace('{n}', '1') });
    await rule.getByLabel(r.builder.expression).fill('so_nguoi >= so_vu_viec_phat_hien');
    await rule.getByText('Mẫu chưa có trường “so_nguoi”.').waitFor();
    await rule.getByLabel(r.builder.expression).fill(TEMPLATE.rule);
    await rule.getByLabel(r.builder.ruleMessage).fill(TEMPLATE.ruleMessage);
    await expect
      .poll(() => rule.locator('.builder__rule-check').innerText())
      .toBe(
        `✓ ${r.builder.ruleUses} “${TEMPLATE.supported}” (so_nguoi_duoc_ho_tro), “${TEMPLATE.cases}” (so_vu_viec_phat_hien)`,
      );

    // The preview, as the bot will ask it.
    await page.getByRole('button', { name: r.builder.preview }).click();
    const preview = page.getByRole('region', { name: r.preview.label });
    await preview.waitFor();
    const bubbles = preview.locator('.bot-preview__bubble');
    await expect.poll(() => bubbles.count()).toBe(2);
    expect(await bubbles.nth(0).innerText()).toContain(TEMPLATE.cases);
    expect(await bubbles.nth(0).innerText()).toMatch(/số nguyên không âm/i);
    expect(await bubbles.nth(1).innerText()).toContain('Kể cả người được hỗ trợ học nghề.');
    expect(await preview.innerText()).toContain(TEMPLATE.ruleMessage);
    await screenshot(page, 'reporting-template-builder');

    await page.getByRole('button', { name: r.builder.save }).click();
    await page.waitForURL(/\/reporting\/templates\/[0-9a-f-]{36}$/);
    await expect.poll(() => flash(page).innerText()).toMatch(/^Đã lưu phiên bản 1, áp dụng từ /);
    const templateId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: r.builder.versions }).waitFor();

    // The ward's officer submits the report through the API; the rule is enforced there too.
    const unit = await apiAs(api!.baseUrl, reporter.email, reporter.password);
    const draft = await unit.reports.open({ templateId });
    const broken = await unit.reports
      .submit(draft.id, {
        version: draft.version,
        values: { so_vu_viec_phat_hien: 3, so_nguoi_duoc_ho_tro: 2 },
      })
      .catch((error: unknown) => error);
    expect(isApiError(broken) && broken.status).toBe(400);
    const current = await unit.reports.get(draft.id);
    const submitted = await unit.reports.submit(draft.id, {
      version: current.version,
      values: { so_vu_viec_phat_hien: 3, so_nguoi_duoc_ho_tro: 4 },
    });
    expect(submitted.status).toBe('submitted');

    // The administrator finds it in the list and returns it with a comment.
    await page.goto(
      `/reporting/submissions?templateId=${templateId}&periodKey=${submitted.periodKey}`,
    );
    await expect.poll(() => heading(page).innerText()).toBe(r.submissions.title);
    await page.getByRole('link', { name: ward.name }).click();
    await page.waitForURL(`**/reporting/submissions/${draft.id}`);
    await expect.poll(() => heading(page).innerText()).toBe(TEMPLATE.title);
    await page.getByText('4', { exact: true }).waitFor();
    await page.getByRole('button', { name: r.submission.return }).click();
    const dialog = page.getByRole('dialog', { name: r.submission.returnTitle });
    await dialog.getByRole('button', { name: r.submission.returnSubmit, exact: true }).click();
    await dialog.getByText(r.submission.commentRequired).waitFor();
    await dialog.getByLabel(r.submission.comment).fill(COMMENT);
    await dialog.getByRole('button', { name: r.submission.returnSubmit, exact: true }).click();
    await expect.poll(() => flash(page).innerText()).toBe(r.submission.returned);
    await page.locator('.submission__status').getByText(r.status.returned).waitFor();
    expect((await unit.reports.get(draft.id)).returnComment).toBe(COMMENT);

    // The officer opens it in the console: the comment first, then corrects and resubmits.
    const unitPage = await pages.open();
    await signIn(unitPage, reporter);
    expect(new URL(unitPage.url()).pathname).toBe('/reporting/submissions');
    await unitPage.goto(`/reporting/submissions/${draft.id}`);
    await expect
      .poll(() => unitPage.locator('.submission__comment').innerText())
      .toContain(COMMENT);
    await unitPage.getByLabel(TEMPLATE.supported).fill('-1');
    await unitPage.getByRole('button', { name: r.submission.submit }).click();
    // A field's item by its own label: the other field's messages may quote this field's name.
    const reportField = (label: string) =>
      unitPage.locator('.report-field').filter({
        has: unitPage.locator('.el-form-item__label').getByText(label, { exact: true }),
      });
    const supportedItem = reportField(TEMPLATE.supported);
    await expect
      .poll(() => supportedItem.locator('.field__error').innerText())
      .toMatch(/số nguyên không âm/i);
    await unitPage.getByLabel(TEMPLATE.supported).fill('2');
    await unitPage.getByRole('button', { name: r.submission.submit }).click();
    // The rule names both fields: its message stands beside each.
    for (const item of [supportedItem, reportField(TEMPLATE.cases)]) {
      await expect.poll(() => item.locator('.field__error').innerText()).toBe(TEMPLATE.ruleMessage);
    }
    await unitPage.getByLabel(TEMPLATE.supported).fill('6');
    await unitPage.getByRole('button', { name: r.submission.submit }).click();
    await expect.poll(() => flash(unitPage).innerText()).toBe(r.submission.submitted);
    await screenshot(unitPage, 'reporting-submission-unit');
    // A unit's officer has no review buttons and no template pages.
    expect(await unitPage.getByRole('button', { name: r.submission.accept }).count()).toBe(0);

    // The administrator accepts the corrected report; the history says who changed what, where.
    await page.reload();
    await page.getByText('6', { exact: true }).waitFor();
    const history = page.getByRole('region', { name: r.submission.history });
    await history.getByText(`${TEMPLATE.supported}: 4 → 6`).waitFor();
    expect(await history.innerText()).toContain(r.channels.console);
    expect(await history.innerText()).toContain(reporter.fullName);
    expect(await history.innerText()).toContain(COMMENT);
    await page.getByRole('button', { name: r.submission.accept }).click();
    await confirmWith(page, r.submission.accept);
    await expect.poll(() => flash(page).innerText()).toBe(r.submission.accepted);
    await page.locator('.submission__status').getByText(r.status.accepted).waitFor();
    await screenshot(page, 'reporting-submission');

    // And locks the period.
    await page.goto(`/reporting/periods?templateId=${templateId}`);
    await expect.poll(() => heading(page).innerText()).toBe(r.periods.title);
    const row = tableRows(page).filter({ hasText: submitted.periodLabel });
    await row.getByRole('button', { name: r.periods.lock }).click();
    await confirmWith(page, r.periods.lock);
    await expect
      .poll(() => flash(page).innerText())
      .toBe(r.periods.lockedDone.replace('{period}', submitted.periodLabel));
    await row.getByRole('button', { name: r.periods.unlock }).waitFor();
    await screenshot(page, 'reporting-periods');
    const locked = await unit.reports.get(draft.id);
    expect(locked.locked).toBe(true);
    expect(locked.allowedActions).toEqual([]);
  });

  it('shows the plan, posts a progress update with a photo, lists the units’ reports', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    await page.goto('/reporting/plan');
    await expect.poll(() => heading(page).innerText()).toBe(r.plan.title);
    const tasks = page.locator('.plan__group .el-table__body tbody tr');
    await expect.poll(() => tasks.count()).toBeGreaterThan(5);
    await screenshot(page, 'reporting-plan');

    // A progress update with a photo: posted from the console, shown as a thumbnail the API serves.
    const first = tasks.first();
    await first.getByRole('button', { name: r.plan.post.open }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: r.plan.post.submit }).click();
    await dialog.getByText(r.plan.post.textRequired).waitFor();
    await dialog
      .getByLabel(r.plan.post.text)
      .fill('Đã tổ chức 2 buổi tuyên truyền tại khu dân cư.');
    await dialog.getByLabel(r.plan.post.file).setInputFiles({
      name: 'buoi-tuyen-truyen.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_1X1, 'base64'),
    });
    await dialog.getByRole('button', { name: r.plan.post.submit }).click();
    await expect.poll(() => flash(page).innerText()).toBe(r.plan.post.done);
    await first.locator('.el-table__expand-icon').click();
    const thumb = page.getByRole('img', { name: 'buoi-tuyen-truyen.png' });
    await thumb.waitFor();
    await expect
      .poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(1);
    await page.getByText('Đã tổ chức 2 buổi tuyên truyền tại khu dân cư.').waitFor();

    await page.goto('/reporting/submissions');
    await expect.poll(() => heading(page).innerText()).toBe(r.submissions.title);
    await expect.poll(() => tableRows(page).count()).toBeGreaterThan(0);
    // A filter left empty reads "Tất cả" (all units), not "— Không có —".
    const unitFilter = page
      .locator('.el-form-item')
      .filter({ hasText: r.submissions.filters.unit })
      .locator('.el-select__placeholder');
    expect(await unitFilter.innerText()).toBe(text.common.all);
    await screenshot(page, 'reporting-submissions');
  });

  it('adds a task to a group, edits it and deletes it; a task with updates is kept', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    await page.goto('/reporting/plan');
    await expect.poll(() => heading(page).innerText()).toBe(r.plan.title);
    const t = r.plan.task;
    const plan = (await office.plans.list()).items[0]!;
    const group = (await office.plans.get(plan.id)).groups[1]!;
    const code = `${group.ordinal}.${group.tasks.length + 1}`;
    const row = () => page.locator('.el-table__body tbody tr').filter({ hasText: TASK_TITLE });

    await page
      .getByRole('button', { name: t.addTo.replace('{ordinal}', String(group.ordinal)) })
      .click();
    const dialog = page.getByRole('dialog', { name: t.createTitle });
    const codeInput = dialog.getByLabel(t.code);
    expect(await codeInput.inputValue(), 'the next free number is proposed').toBe(code);

    // Checked in Vietnamese beside the fields before anything is sent.
    await codeInput.fill('99.1');
    await dialog.getByRole('button', { name: text.common.save }).click();
    await dialog.getByText(t.codeGroup.replaceAll('{ordinal}', String(group.ordinal))).waitFor();
    expect(await dialog.getByText(text.common.requiredField).count()).toBe(2); // title, lead
    expect(await accessibilityProblems(page), 'the task dialog with its errors').toEqual([]);
    await codeInput.fill(code);
    await dialog.getByLabel(t.title).fill(TASK_TITLE);
    await choose(page, r.plan.columns.lead, 'Công an');
    await choose(page, r.plan.columns.timeframe, t.timeframes.untilYear);
    await dialog.getByLabel(t.year).fill('2027');
    await dialog.getByRole('button', { name: text.common.save }).click();
    await expect.poll(() => flash(page).innerText()).toBe(t.created.replace('{code}', code));
    await expect.poll(() => row().innerText()).toContain('Đến năm 2027');
    expect(await row().innerText()).toContain(r.taskStatus.not_started);
    const stored = (await office.tasks.list({ planId: plan.id, groupId: group.id })).items.find(
      (task) => task.code === code,
    )!;
    expect(stored).toMatchObject({
      title: TASK_TITLE,
      timeframe: { kind: 'until', until: '2027' },
    });
    expect(stored.leadUnit.name).toContain('Công an');

    // Edited: its status, shown in the row and kept by the API.
    await page.getByRole('button', { name: t.editOne.replace('{code}', code) }).click();
    const edit = page.getByRole('dialog', { name: t.editTitle.replace('{code}', code) });
    expect(await edit.getByLabel(t.title).inputValue()).toBe(TASK_TITLE);
    await choose(page, r.plan.columns.status, r.taskStatus.done);
    await edit.getByRole('button', { name: text.common.save }).click();
    await expect.poll(() => flash(page).innerText()).toBe(t.updated.replace('{code}', code));
    await expect.poll(() => row().innerText()).toContain(r.taskStatus.done);
    expect((await office.tasks.get(stored.id)).status).toBe('done');

    // Deleted after a confirmation; a task with progress updates is refused and stays.
    await page.getByRole('button', { name: t.deleteOne.replace('{code}', code) }).click();
    await confirmWith(page, t.delete);
    await expect.poll(() => flash(page).innerText()).toBe(t.deleted.replace('{code}', code));
    await expect.poll(() => row().count()).toBe(0);
    const updated = (await office.plans.get(plan.id)).groups
      .flatMap((item) => item.tasks)
      .find((task) => task.updateCount > 0)!;
    await page.getByRole('button', { name: t.deleteOne.replace('{code}', updated.code) }).click();
    await confirmWith(page, t.delete);
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe(errorMessagesVi.plan_task_has_updates);
    expect((await office.tasks.get(updated.id)).code).toBe(updated.code);
  });

  it('shows when units are reminded, and an administrator changes it', async () => {
    const m = r.reminders;
    const page = await pages.open();
    await signIn(page, admin);
    await page.goto('/reporting/periods');
    const section = page.getByRole('region', { name: m.title });
    await section
      .getByText(
        m.stepsSummary.replace(
          '{steps}',
          [
            m.beforeSummary.replace('{days}', `7, 3 ${m.and} 1`),
            m.afterSummary.replace('{days}', '1'),
          ].join('; '),
        ),
      )
      .waitFor();
    await section.getByText(m.default).waitFor();

    await section.getByRole('button', { name: m.edit }).click();
    // Letters in the days are refused beside the field, before anything is sent.
    await section.getByLabel(m.before).fill('10, năm, 1');
    await section.getByRole('button', { name: m.save }).click();
    await section.getByText(m.daysInvalid).waitFor();
    // A window that ends before it starts: the API's message, beside "Đến".
    await section.getByLabel(m.before).fill('10, 5, 1');
    await section.getByLabel(m.start).fill('17:00');
    await section.getByLabel(m.end).fill('08:00');
    await section.getByRole('button', { name: m.save }).click();
    await section.getByText('Giờ kết thúc gửi phải sau giờ bắt đầu.').waitFor();
    await screenshot(page, 'reporting-reminders-form');
    // What was typed is kept; correct the window and save.
    expect(await section.getByLabel(m.before).inputValue()).toBe('10, 5, 1');
    await section.getByLabel(m.start).fill('07:30');
    await section.getByLabel(m.end).fill('16:30');
    await section.getByText(m.onDay).click();
    await section.getByLabel(m.after).fill('2');
    await section.getByLabel(m.catchUp).fill('1');
    await section.getByRole('button', { name: m.save }).click();
    await expect.poll(() => flash(page).innerText()).toBe(m.saved);
    await section.getByText(m.beforeSummary.replace('{days}', `10, 5 ${m.and} 1`)).waitFor();
    await section
      .getByText(m.windowSummary.replace('{start}', '07:30').replace('{end}', '16:30'))
      .waitFor();
    await screenshot(page, 'reporting-reminders');
    expect(await office.reportTemplates.reminderSchedule()).toMatchObject({
      offsetsDays: [-10, -5, -1, 0, 2],
      window: { start: '07:30', end: '16:30' },
      catchUpDays: 1,
    });
  });
  it('enters a plan from its document: the plan, a group, a task; renumbers; deletes it again', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    await page.goto('/reporting/plan');
    await expect.poll(() => heading(page).innerText()).toBe(r.plan.title);
    const e = r.plan.entry;
    const save = (name: string) =>
      page.getByRole('dialog', { name }).getByRole('button', { name: text.common.save }).click();

    // The plan, checked first in Vietnamese (years the wrong way round), then saved and shown.
    await page.getByRole('button', { name: e.add }).click();
    const planDialog = page.getByRole('dialog', { name: e.createTitle });
    await planDialog.getByLabel(e.number).fill('25/KH-UBND');
    await planDialog.getByLabel(e.title).fill(NEW_PLAN);
    await choose(page, e.issuingUnit, 'UBND thành phố Bắc Kạn');
    await planDialog.getByLabel(e.issuedOn).fill('15/03/2026');
    await planDialog.getByLabel(e.issuedOn).press('Enter');
    await planDialog.getByLabel(e.startYear).fill('2030');
    await planDialog.getByLabel(e.endYear).fill('2026');
    await save(e.createTitle);
    await planDialog.getByText(e.endBeforeStart).waitFor();
    expect(await accessibilityProblems(page), 'the plan dialog with its errors').toEqual([]);
    await planDialog.getByLabel(e.startYear).fill('2026');
    await planDialog.getByLabel(e.endYear).fill('2030');
    await save(e.createTitle);
    await expect
      .poll(() => flash(page).innerText())
      .toBe(e.created.replace('{number}', '25/KH-UBND'));
    await expect.poll(() => page.locator('.plan__meta').innerText()).toContain(NEW_PLAN);
    expect(await page.locator('.plan__meta').innerText()).toContain('15/03/2026');
    await page.getByText(e.noGroupsWriter).waitFor();

    // A group, numbered 1, and a task in it, numbered 1.1.
    await page.getByRole('button', { name: e.addGroup }).click();
    const groupDialog = page.getByRole('dialog', { name: e.createGroupTitle });
    expect(await groupDialog.getByLabel(e.ordinal).inputValue()).toBe('1');
    await groupDialog.getByLabel(e.groupTitle).fill('Tuyên truyền về di cư an toàn');
    await save(e.createGroupTitle);
    await expect.poll(() => flash(page).innerText()).toBe(e.groupCreated.replace('{ordinal}', '1'));
    await page.getByRole('heading', { name: '1. Tuyên truyền về di cư an toàn' }).waitFor();
    await page.getByRole('button', { name: r.plan.task.addTo.replace('{ordinal}', '1') }).click();
    const taskDialog = page.getByRole('dialog', { name: r.plan.task.createTitle });
    expect(await taskDialog.getByLabel(r.plan.task.code).inputValue()).toBe('1.1');
    await taskDialog.getByLabel(r.plan.task.title).fill(TASK_TITLE);
    await choose(page, r.plan.columns.lead, 'Công an');
    await save(r.plan.task.createTitle);
    await expect
      .poll(() => flash(page).innerText())
      .toBe(r.plan.task.created.replace('{code}', '1.1'));

    // Renumbered 1 → 2: the task's number follows; the group with a task offers no delete.
    await page.getByRole('button', { name: e.editGroupTitle.replace('{ordinal}', '1') }).click();
    const editGroup = page.getByRole('dialog', {
      name: e.editGroupTitle.replace('{ordinal}', '1'),
    });
    await editGroup.getByLabel(e.ordinal).fill('2');
    await save(e.editGroupTitle.replace('{ordinal}', '1'));
    await page.getByRole('heading', { name: '2. Tuyên truyền về di cư an toàn' }).waitFor();
    const row = page.locator('.el-table__body tbody tr').filter({ hasText: TASK_TITLE });
    await expect.poll(async () => (await row.locator('td').nth(1).innerText()).trim()).toBe('2.1');
    const deleteGroup = page.getByRole('button', {
      name: e.deleteGroupOne.replace('{ordinal}', '2'),
    });
    expect(await deleteGroup.count()).toBe(0);
    expect(await page.getByRole('button', { name: e.delete }).count()).toBe(0);
    const entered = (await office.plans.list()).items.find((item) => item.number === '25/KH-UBND')!;
    expect(entered).toMatchObject({ startYear: 2026, endYear: 2030, issuedOn: '2026-03-15' });

    // Emptied and deleted: the task, the group, then the plan; the city plan is shown again.
    await page
      .getByRole('button', { name: r.plan.task.deleteOne.replace('{code}', '2.1') })
      .click();
    await confirmWith(page, r.plan.task.delete);
    await expect.poll(() => row.count()).toBe(0);
    await deleteGroup.click();
    await confirmWith(page, r.plan.task.delete);
    await page.getByText(e.noGroupsWriter).waitFor();
    await page.getByRole('button', { name: e.delete }).click();
    await confirmWith(page, r.plan.task.delete);
    await expect
      .poll(() => flash(page).innerText())
      .toBe(e.deleted.replace('{number}', '25/KH-UBND'));
    await expect.poll(() => page.locator('.plan__meta').innerText()).toContain('…/KH-UBND');
    expect((await office.plans.list()).total).toBe(1);
  });
});
