/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The console as a staff member uses it: the built console served by the built API (embedded
 * database, demo data) in headless Chromium. One API and one browser for the whole file; each
 * test opens its own browser context (its own cookies), signs in through the form and checks
 * what is on the screen, in Vietnamese.
 *
 * The browser is set to English and to Europe/Paris on purpose: the console must still speak
 * Vietnamese and show dates as dd/mm/yyyy in Vietnam's time.
 *
 * Needs apps/api/dist and apps/admin/dist (turbo builds both before `test`) and /usr/bin/chromium
 * (`apt-get install -y chromium`); without Chromium the suite is skipped.
 */
import {
  auditActionLabelsVi,
  auditEntityLabelsVi,
  errorMessagesVi,
  passwordProblemsVi,
  roleLabelsVi,
  unitKindLabelsVi,
} from '@gcm/domain';
import { accessibilityProblems } from '@gcm/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { E2E_ADMIN, requireBuilds, startApi, type RunningApi } from './support/api-server';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './support/chromium';
import {
  ConsolePages,
  FOREIGN_BROWSER,
  openSelect,
  screenshot,
  signIn,
  submitLogin,
  tableRows as rows,
  unlabelledControls,
} from './support/console-pages';

const text = messages['vi-VN'];
const admin = E2E_ADMIN;

if (!hasChromium) {
  console.warn(
    `Console browser tests SKIPPED: ${CHROMIUM_PATH} not found (install it with: apt-get install -y chromium).`,
  );
}

/** Today in Vietnam as dd/mm/yyyy, worked out here independently of the console's own code. */
const vietnamToday = () =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());

const DATE_TIME = /^(\d{2}\/\d{2}\/\d{4}) \d{2}:\d{2}$/;
/** The console's pages an administrator opens, checked at a phone's width. */
const PHONE_PAGES = [
  'dashboard',
  'inbox',
  'knowledge/faqs',
  'knowledge/faqs/new',
  'knowledge/articles',
  'knowledge/dictionary',
  'knowledge/proposals',
  'knowledge/topics',
  'knowledge/transfer',
  'knowledge/try',
  'broadcasts',
  'simulator',
  'help-nearby/contacts',
  'help-nearby/companies',
  'tips',
  'reporting/plan',
  'reporting/submissions',
  'reporting/templates',
  'reporting/templates/new',
  'reporting/periods',
  'reporting/tracking',
  'reporting/totals',
  'units/new',
  'users',
  'audit',
  'account/sessions',
];

describe.skipIf(!hasChromium)('admin console in Chromium', () => {
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

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  const nav = (page: Page) => page.getByRole('navigation', { name: text.nav.label });

  /** Opens a page from the side navigation and waits for its title. */
  async function openFromNav(page: Page, label: string, title: string) {
    await nav(page).getByRole('link', { name: label, exact: true }).click();
    await expect.poll(() => heading(page).innerText()).toBe(title);
  }

  /** Picks `option`, and only an option of exactly that text, in the select labelled `label`. */
  async function choose(page: Page, label: string, option: string) {
    const items = await openSelect(page, label);
    await items
      .filter({ hasText: new RegExp(`^\\s*${option.replace(/[()]/g, '\\$&')}\\s*$`) })
      .click();
  }

  /** The options the select labelled `label` offers (it is opened, then closed again). */
  async function optionsOf(page: Page, label: string): Promise<string[]> {
    const texts = await (await openSelect(page, label)).allInnerTexts();
    await page.keyboard.press('Escape');
    return texts.map((t) => t.trim());
  }

  const rowOf = (page: Page, name: string) => rows(page).filter({ hasText: name });
  /** How far the page's list table reaches past its frame, in pixels (0: no sideways scroll). */
  const tableOverflow = (page: Page) =>
    page
      .locator('.el-table__body-wrapper .el-scrollbar__wrap')
      .first()
      .evaluate((el) => el.scrollWidth - el.clientWidth);

  const cellsOf = (row: Locator) => row.locator('td').allInnerTexts();
  /** A text as read aloud: its line breaks and runs of spaces as one space. */
  const oneLine = (value: string) => value.replace(/\s+/g, ' ');
  /** The confirmation at the top of the page ("Đã lưu …"). */
  const flash = (page: Page) => page.locator('.alert--success');

  /** The language switcher sits in the blue header: its choice must be readable there. */
  async function expectReadableLanguageSwitcher(page: Page) {
    const language = page.getByLabel(text.common.language);
    expect(await language.inputValue()).toBe('vi-VN');
    const colours = await language.evaluate((element) => {
      const style = getComputedStyle(element);
      return { text: style.color, background: style.backgroundColor };
    });
    expect(colours.text, 'switcher text colour vs its background').not.toBe(colours.background);
  }

  /** The error shown for a form control: the element its aria-describedby points to. */
  async function fieldError(control: Locator): Promise<string> {
    expect(await control.getAttribute('aria-invalid')).toBe('true');
    const ids = (await control.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const errorId = ids.find((id) => id.endsWith('-error'));
    expect(errorId, 'the control points to its error message').toBeDefined();
    return control.page().locator(`[id="${errorId}"]`).innerText();
  }

  it('refuses a wrong password in Vietnamese, then signs in to the Vietnamese layout', async () => {
    const page = await pages.open();

    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await heading(page).innerText()).toBe(text.auth.login.title);
    await screenshot(page, '01-sign-in');
    await expectReadableLanguageSwitcher(page);

    await submitLogin(page, { email: admin.email, password: 'not-the-password-1' });
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe(errorMessagesVi.invalid_credentials);
    expect(await page.getByLabel(text.auth.login.password).inputValue()).toBe('');

    await signIn(page, admin);

    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await expect.poll(() => heading(page).innerText()).toBe(text.dashboard.title);
    expect(await page.title()).toBe(`${text.dashboard.title} · ${text.common.appName}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await nav(page).getByRole('heading').allTextContents()).toEqual([
      text.nav.groups.overview,
      text.nav.groups.qa,
      text.nav.groups.reports,
      text.nav.groups.admin,
    ]);
    expect(await nav(page).getByRole('link').allInnerTexts()).toEqual([
      text.nav.dashboard,
      text.nav.inbox,
      text.nav.questionLog,
      text.knowledge.nav,
      text.nav.broadcasts,
      text.helpNearby.nav.contacts,
      text.helpNearby.nav.companies,
      text.tips.nav,
      text.nav.simulator,
      text.nav.reportingPlan,
      text.nav.reportingSubmissions,
      text.nav.reportingTracking,
      text.nav.reportingTotals,
      text.nav.reportingTemplates,
      text.nav.reportingPeriods,
      text.nav.units,
      text.nav.users,
      text.nav.audit,
      text.nav.sessions,
      text.nav.changePassword,
    ]);
    // The first administrator is named after the role: "Quản trị hệ thống (Quản trị hệ thống)".
    expect(await page.locator('.app__user').innerText()).toContain(
      `Đang đăng nhập: Quản trị hệ thống (${roleLabelsVi.admin})`,
    );
    await page.getByRole('button', { name: text.nav.logout }).waitFor();
    await expectReadableLanguageSwitcher(page);
  });

  it('lists the demo units and finds one searched for without diacritics', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    await openFromNav(page, text.nav.units, text.units.title);
    await rowOf(page, 'UBND phường Đức Xuân').waitFor();

    expect(await rowOf(page, 'Công an thành phố').innerText()).toContain(unitKindLabelsVi.police);
    expect(await page.locator('.pagination__total').innerText()).toBe('Tổng số: 21');
    // Dates as dd/mm/yyyy HH:mm, in Vietnam's time although the browser is in Paris.
    const updated = await rowOf(page, 'UBND phường Đức Xuân').locator('td').nth(5).innerText();
    expect(updated).toMatch(DATE_TIME);
    expect(updated.slice(0, 10)).toBe(vietnamToday());

    // Deleting asks first; Cancel leaves the unit where it was.
    const deletes: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'DELETE') deletes.push(request.url());
    });
    await rowOf(page, 'UBND phường Đức Xuân')
      .getByRole('button', { name: text.units.delete })
      .click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.innerText())
      .toContain('Xóa đơn vị “UBND phường Đức Xuân”? Có thể khôi phục lại sau.');
    await dialog.getByRole('button', { name: text.common.cancel }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(deletes).toEqual([]);

    await page.getByLabel(text.units.searchLabel).fill('duc xuan');
    await page.getByRole('button', { name: text.common.search, exact: true }).click();

    await expect.poll(() => rows(page).count()).toBe(1);
    await expect
      .poll(async () => (await cellsOf(rows(page).first())).slice(0, 4))
      .toEqual([
        'P-DUCXUAN',
        'UBND phường Đức Xuân',
        unitKindLabelsVi.commune,
        'UBND thành phố Bắc Kạn',
      ]);
    expect(await page.locator('.pagination__total').innerText()).toBe('Tổng số: 1');
  });

  it('issues a one-time link code to a unit member, shows it once, and revokes it', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    // A reporting officer of the ward, made through the API as the Users page would.
    const found = await page.request.get('/api/v1/units?search=duc%20xuan');
    const ward = ((await found.json()) as { items: { id: string }[] }).items[0];
    const created = await page.request.post('/api/v1/users', {
      data: {
        email: 'can.bo.ducxuan@e2e.gcm.vn',
        fullName: 'Trần Thị Hoa',
        role: 'unit_reporter',
        unitId: ward.id,
        password: 'Mat-khau-tam-Duc-Xuan-2026',
      },
    });
    expect(created.status()).toBe(201);

    await openFromNav(page, text.nav.units, text.units.title);
    await rowOf(page, 'UBND phường Đức Xuân')
      .getByRole('link', { name: text.units.links.open })
      .click();
    await expect
      .poll(() => heading(page).innerText())
      .toBe(text.units.links.titleOf.replace('{name}', 'UBND phường Đức Xuân'));
    // Nothing chosen: said beside the field.
    await page.getByRole('button', { name: text.units.links.issue, exact: true }).click();
    const member = page.getByRole('combobox', { name: text.units.links.member });
    await expect.poll(() => fieldError(member)).toBe(text.units.links.chooseMember);
    await choose(page, text.units.links.member, `Trần Thị Hoa (${text.roles.unit_reporter})`);
    await page.getByRole('button', { name: text.units.links.issue, exact: true }).click();
    const code = page.locator('[data-test="link-code"]');
    await expect.poll(() => code.innerText()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const shown = await code.innerText();
    expect(await page.getByRole('status').innerText()).toContain(`/lienket ${shown}`);
    const codes = page.getByRole('region', { name: text.units.links.codesTitle });
    await expect
      .poll(() => codes.locator('tbody tr').first().innerText())
      .toContain(text.units.links.status.active);
    expect(await codes.locator('tbody tr').first().innerText()).toMatch(
      /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    );
    // Away from the button just pressed: its hover colour is not what the page shows at rest.
    await page.mouse.move(0, 0);
    expect(await accessibilityProblems(page), 'unit links').toEqual([]);
    await screenshot(page, '06b-unit-links');

    // Revoking asks first; the code is then listed as revoked and no longer shown.
    await codes.getByRole('button', { name: text.units.links.revoke }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: text.units.links.revoke }).click();
    await expect
      .poll(() => codes.locator('tbody tr').first().innerText())
      .toContain(text.units.links.status.revoked);
    await expect.poll(() => code.count()).toBe(0);
  });

  it('shows field errors next to the fields, then adds a commune under the city', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    const unitWrites: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/units')) {
        unitWrites.push(request.url());
      }
    });

    await openFromNav(page, text.nav.units, text.units.title);
    await page.getByRole('link', { name: text.units.add }).click();
    await page.waitForURL('**/units/new');
    expect(await heading(page).innerText()).toBe(text.units.form.createTitle);

    const code = page.getByLabel(text.units.form.code);
    const contactEmail = page.getByLabel(text.units.form.contactEmail);
    const parent = page.getByRole('combobox', { name: text.units.form.parent, exact: true });
    await code.fill('xã thử 01');
    await page.getByLabel(text.units.form.name).fill('UBND xã Thử Nghiệm');
    await choose(page, text.units.form.kind, unitKindLabelsVi.commune);
    // Only districts may hold a commune: the city is offered, the province is not.
    const parentOptions = await optionsOf(page, text.units.form.parent);
    expect(parentOptions).toContain('UBND thành phố Bắc Kạn (TP-BK)');
    expect(parentOptions).not.toContain('UBND tỉnh Bắc Kạn (TINH-BK)');
    expect(await parent.getAttribute('role')).toBe('combobox');
    await choose(page, text.units.form.parent, 'UBND thành phố Bắc Kạn (TP-BK)');
    await contactEmail.fill('khong-phai-email');
    const save = page.getByRole('button', { name: text.common.save, exact: true });

    // The console's own check: a code with diacritics and spaces, in Vietnamese, nothing sent.
    await save.click();
    expect(await fieldError(code)).toBe(text.units.form.codeInvalid);
    expect(unitWrites).toEqual([]);

    // The API's check: the contact email, its reason beside that field in Vietnamese.
    await code.fill('X-THUNGHIEM');
    await save.click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe(errorMessagesVi.validation_failed);
    expect(await fieldError(contactEmail)).toBe(text.common.fieldErrors.email);
    expect(await code.getAttribute('aria-invalid')).toBe('false');
    expect(unitWrites).toHaveLength(1);

    const before = vietnamToday();
    await contactEmail.fill('ubnd.thunghiem@example.gov.vn');
    await save.click();
    await page.waitForURL('**/units');
    const after = vietnamToday();

    expect(await flash(page).innerText()).toBe('Đã thêm đơn vị “UBND xã Thử Nghiệm”.');
    await page.getByLabel(text.units.searchLabel).fill('thu nghiem');
    await page.getByRole('button', { name: text.common.search, exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect
      .poll(async () => (await cellsOf(rows(page).first())).slice(0, 5))
      .toEqual([
        'X-THUNGHIEM',
        'UBND xã Thử Nghiệm',
        unitKindLabelsVi.commune,
        'UBND thành phố Bắc Kạn',
        '—',
      ]);
    const updated = (await cellsOf(rows(page).first()))[5];
    const [, shownDate] = updated.match(DATE_TIME) ?? [];
    expect([before, after]).toContain(shownDate);
  });

  it('creates an administrator and shows the temporary password once', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    const newAdmin = { email: 'nguyen.thi.e2e@example.gov.vn', fullName: 'Nguyễn Thị Hồng Nhung' };

    await openFromNav(page, text.nav.users, text.users.title);
    await page.getByRole('link', { name: text.users.add }).click();
    await page.waitForURL('**/users/new');
    await page.getByLabel(text.users.form.email).fill(newAdmin.email);
    await page.getByLabel(text.users.form.fullName).fill(newAdmin.fullName);
    await choose(page, text.users.form.role, roleLabelsVi.admin);
    expect(await page.getByLabel(text.users.form.generatePassword).isChecked()).toBe(true);
    await page.getByRole('button', { name: text.common.save, exact: true }).click();

    const shown = page.getByRole('region', { name: text.users.oneTimePassword.title });
    await shown.waitFor();
    expect(await shown.innerText()).toContain(
      `Mật khẩu tạm thời của ${newAdmin.email} chỉ hiển thị một lần này.`,
    );
    const temporaryPassword = (await shown.locator('code').innerText()).trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    expect(await flash(page).innerText()).toBe(`Đã tạo tài khoản ${newAdmin.email}.`);

    await shown.getByRole('button', { name: text.users.oneTimePassword.done }).click();
    await page.waitForURL('**/users');
    const row = rowOf(page, newAdmin.email);
    await row.waitFor();
    const cells = await cellsOf(row);
    expect(cells.slice(0, 3)).toEqual([newAdmin.fullName, newAdmin.email, roleLabelsVi.admin]);
    expect(cells[4]).toContain(text.users.mustChangePassword);
    expect(cells[5]).toBe('—');
    // The signed-in administrator's last sign-in: today, dd/mm/yyyy, Vietnam's time.
    const ownLogin = await rowOf(page, admin.email).locator('td').nth(5).innerText();
    expect(ownLogin.match(DATE_TIME)?.[1]).toBe(vietnamToday());

    // Once: neither the list nor the account's page shows it again.
    expect(await page.content()).not.toContain(temporaryPassword);
    await row.getByRole('link', { name: text.common.edit }).click();
    await page.waitForURL('**/users/*');
    await page.getByRole('heading', { name: text.users.resetPassword.title }).waitFor();
    expect(await page.content()).not.toContain(temporaryPassword);

    // The password works, and the new administrator must change it first.
    await page.context().clearCookies();
    await page.goto('/login');
    await signIn(page, { email: newAdmin.email, password: temporaryPassword });
    expect(new URL(page.url()).pathname).toBe('/account/password');
    await page.getByText(text.auth.changePassword.forced).waitFor();

    // A common or patterned password is refused with the reason, in Vietnamese, before sending.
    const changes: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/auth/change-password')) {
        changes.push(request.url());
      }
    });
    // Its label starts the field's name; "Nhập lại mật khẩu mới" only ends with it.
    const newPassword = page.getByLabel(new RegExp(`^${text.auth.changePassword.new}`));
    const submit = page.getByRole('button', { name: text.auth.changePassword.submit });
    await page.getByLabel(text.auth.changePassword.current).fill(temporaryPassword);
    for (const [weak, reason] of [
      ['password12', passwordProblemsVi.common],
      ['aaaaaaaaa1', passwordProblemsVi.pattern],
    ]) {
      await newPassword.fill(weak);
      await page.getByLabel(text.auth.changePassword.confirm).fill(weak);
      await submit.click();
      expect(await fieldError(newPassword)).toBe(reason);
    }
    expect(changes).toEqual([]);

    const own = 'Bau-troi-xanh-muon-nam-7';
    await newPassword.fill(own);
    await page.getByLabel(text.auth.changePassword.confirm).fill(own);
    await submit.click();
    await page.waitForURL((url) => url.pathname !== '/account/password');
    expect(changes).toHaveLength(1);
  });

  it('signs out to the login page, and protected pages then send back to it', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    await heading(page).waitFor();

    await page.getByRole('button', { name: text.nav.logout }).click();
    await page.waitForURL('**/login');
    expect(await flash(page).innerText()).toBe(text.auth.logoutDone);
    const me = await page.request.get('/api/v1/auth/me');
    expect(me.status()).toBe(401);

    for (const protectedPath of ['/units', '/users', '/units/new', '/audit']) {
      await page.goto(protectedPath);
      await page.waitForURL(
        (url) => url.pathname === '/login' && url.searchParams.get('redirect') === protectedPath,
      );
      expect(await heading(page).innerText()).toBe(text.auth.login.title);
    }

    // Signing in again opens the page that was asked for.
    await signIn(page, admin);
    expect(new URL(page.url()).pathname).toBe('/audit');
    expect(await heading(page).innerText()).toBe(text.audit.title);
  });

  it('lands on the dashboard, whose charts and figures are the API’s, for the period chosen', async () => {
    if (!api) throw new Error('no API');
    // Questions through the public endpoint: two alike without an answer, outside the field (one
    // typed without accents), one answered.
    for (const question of [
      'Cho hỏi giá vàng xyzzy hôm nay?',
      'cho hoi gia vang xyzzy hom nay',
      'Thỏa thuận GCM là gì?',
    ]) {
      const res = await fetch(`${api.baseUrl}/api/v1/assistant/ask`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: question }),
      });
      expect(res.status).toBe(200);
    }
    const page = await pages.open();
    await signIn(page, admin);
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    // Two charts, drawn on canvases.
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(2);
    const stats = await (await page.request.get('/api/v1/statistics/questions')).json();
    expect(stats.outcomes.total).toBeGreaterThanOrEqual(3);
    const value = (card: string) => page.locator(`.stat--${card} .stat__value`).innerText();
    expect(await value('total')).toBe(String(stats.outcomes.total));
    expect(await value('inbox')).toBe(String(stats.inbox.open));
    // Questions outside the field are not forwarded to staff, so the inbox may be empty; the card
    // says what the API says either way.
    expect(await page.locator('.stat--inbox .stat__note').innerText()).toMatch(
      stats.inbox.open > 0
        ? /^Mục chờ lâu nhất: (dưới 1 phút|\d+ phút)$/
        : /^Không có mục nào đang chờ\.$/,
    );
    const top = rows(page).first();
    await expect
      .poll(async () => (await cellsOf(top)).slice(1, 3))
      .toEqual([stats.topUnanswered[0].text, String(stats.topUnanswered[0].count)]);
    expect(stats.topUnanswered[0].count).toBe(2);
    const today = vietnamToday();
    expect(await page.locator('.period__shown').innerText()).toContain(`đến ${today}`);
    // The demo's emergency route names the foreign ministry's citizen-protection hotline: no
    // reminder.
    expect(stats.emergencyRoute.namesHotline).toBe(true);
    const routeAlert = page
      .locator('.el-alert')
      .filter({ hasText: text.dashboard.emergencyRoute.missing });
    expect(await routeAlert.count()).toBe(0);
    await screenshot(page, '02-dashboard');

    // A route edited down to 113 alone (as on an installation from before the seed named the
    // hotline): the dashboard says so first, with the way to the warning.
    const routeUrl = `/api/v1/knowledge/articles/${stats.emergencyRoute.articleId}`;
    const seeded = await (await page.request.get(routeUrl)).json();
    const edit = (body: string) => page.request.patch(routeUrl, { data: { body } });
    expect((await edit('Gặp nguy hiểm, gọi ngay **113**.')).status()).toBe(200);
    await page.reload();
    await routeAlert.waitFor();
    expect(
      await routeAlert
        .getByRole('link', { name: text.dashboard.emergencyRoute.edit })
        .getAttribute('href'),
    ).toBe(`/knowledge/articles/${stats.emergencyRoute.articleId}`);
    await screenshot(page, '02-dashboard-emergency-route');
    expect((await edit(seeded.body)).status()).toBe(200);
    await page.reload();
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(2);

    // The period: 30 days, then chosen days in the date picker (dd/mm/yyyy).
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/statistics/questions')) asked.push(request.url());
    });
    await page.getByText(text.dashboard.period.last30, { exact: true }).click();
    await expect.poll(() => asked.length).toBe(1);
    const url = new URL(asked[0]);
    expect(url.searchParams.get('to')).toBe(today.split('/').reverse().join('-'));
    await page.getByText(text.dashboard.period.custom, { exact: true }).click();
    await page.getByPlaceholder(text.dashboard.period.from).click();
    await page.locator('.el-date-range-picker').waitFor();
    await screenshot(page, '03-dashboard-date-picker');
    await page.keyboard.press('Escape');
    expect(await unlabelledControls(page)).toEqual([]);

    // From the top unanswered questions to the question log, filtered on them.
    await page.getByText(text.dashboard.period.last7, { exact: true }).click();
    await page.getByRole('link', { name: text.dashboard.topUnanswered.seeAll }).click();
    await expect.poll(() => heading(page).innerText()).toBe(text.questions.title);
    await expect.poll(() => rows(page).count()).toBe(stats.outcomes.no_answer);
    for (const row of await rows(page).all()) {
      expect((await cellsOf(row))[3]).toBe(text.questions.status.no_answer);
    }
    expect(await cellsOf(rows(page).first())).toContain(text.dashboard.channels.api);
    await screenshot(page, '04-question-log');

    // The answered question says, under its outcome, how likely its answer was right.
    await page.goto('/questions');
    const answered = rows(page).filter({ hasText: 'Thỏa thuận GCM là gì?' }).first();
    await answered.waitFor();
    const outcome = (await cellsOf(answered))[3];
    expect(outcome).toContain(text.questions.status.answered);
    expect(outcome).toMatch(new RegExp(text.questions.chance.replace('{value}', '\\d+%')));
  });

  it('shows every screen in one layout, each control labelled (screenshots at 1366×768)', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    const screens: [string, string, string][] = [
      ['/units', text.units.title, '04-units'],
      ['/questions', text.questions.title, '04-question-log-all'],
      ['/units/new', text.units.form.createTitle, '05-unit-form'],
      ['/units/import', text.units.importPage.title, '06-unit-import'],
      ['/users', text.users.title, '07-users'],
      ['/users/new', text.users.form.createTitle, '08-user-form'],
      ['/audit', text.audit.title, '09-audit'],
      ['/account/sessions', text.sessions.title, '10-sessions'],
      ['/account/password', text.auth.changePassword.title, '11-change-password'],
      ['/no-such-page', text.common.notFound.title, '12-not-found'],
    ];
    for (const [path_, title, name] of screens) {
      await page.goto(path_);
      await expect.poll(() => heading(page).innerText(), { message: path_ }).toBe(title);
      await page.waitForLoadState('networkidle');
      expect(await unlabelledControls(page), path_).toEqual([]);
      expect(await page.content(), path_).not.toMatch(/"createdAt":|at Object\.|Error:/);
      await screenshot(page, name);
    }

    // The Content-Security-Policy runs no inline script: one injected into the page is refused.
    await expect(page.addScriptTag({ content: 'window.name = "injected"' })).rejects.toThrow(
      /Content Security Policy/,
    );

    // The audit log names actions and records in Vietnamese, and shows the recorded data as
    // fields, never raw JSON.
    await page.goto('/audit');
    const unitCreated = rowOf(page, auditActionLabelsVi['unit.create']).first();
    await unitCreated.waitFor();
    expect(oneLine(await unitCreated.innerText())).toContain(`${auditEntityLabelsVi.unit} · `);
    for (const row of await rows(page).all()) {
      expect((await cellsOf(row))[3], 'an action by its name').not.toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
    // A sign-in records nothing, yet names its account.
    const signInRow = rowOf(page, auditActionLabelsVi['auth.login']).first();
    await expect
      .poll(async () => oneLine(await signInRow.innerText()))
      .toMatch(new RegExp(`${auditEntityLabelsVi.user} · [^0-9a-f]`));
    await unitCreated.locator('.el-table__expand-icon').click();
    const recorded = page.locator('.audit-fields').first();
    await recorded.waitFor();
    expect(await page.locator('.el-table__expanded-cell').first().innerText()).not.toContain('{');
    // Each recorded field by its Vietnamese name; the unit named in the row by its recorded name.
    const fieldNames = (await recorded.locator('tbody th').allInnerTexts()).map((name) =>
      name.trim(),
    );
    expect(fieldNames).toContain(text.audit.fields.name);
    expect(fieldNames.filter((name) => !Object.values(text.audit.fields).includes(name))).toEqual(
      [],
    );
    const unitName = await recorded
      .locator('tbody tr', { has: page.getByRole('rowheader', { name: text.audit.fields.name }) })
      .locator('td')
      .innerText();
    expect(oneLine(await unitCreated.innerText())).toContain(
      `${auditEntityLabelsVi.unit} · ${unitName.trim()}`,
    );
    // The commune's parent by its name, not its id.
    const parent = recorded
      .locator('tbody tr', {
        has: page.getByRole('rowheader', { name: text.audit.fields.parentId }),
      })
      .locator('td');
    await expect.poll(() => parent.innerText()).toBe('UBND thành phố Bắc Kạn');
    await screenshot(page, '13-audit-details');

    // Filtered by the kind of record, chosen by its Vietnamese name.
    await choose(page, text.audit.entityType, auditEntityLabelsVi.user);
    await page.getByRole('button', { name: text.common.search, exact: true }).click();
    await expect
      .poll(async () =>
        (await rows(page).allInnerTexts()).every((row) =>
          oneLine(row).includes(`${auditEntityLabelsVi.user} · `),
        ),
      )
      .toBe(true);
    expect(await rows(page).count()).toBeGreaterThan(0);
  });

  it('passes the automated WCAG 2.1 AA checks (axe-core) on every screen and on a refused form', async () => {
    const page = await pages.open();
    await page.goto('/login');
    await page.getByLabel(text.auth.login.email).waitFor();
    expect(await accessibilityProblems(page), '/login').toEqual([]);

    await signIn(page, admin);
    for (const path_ of PHONE_PAGES) {
      await page.goto(`/${path_}`);
      await page.waitForLoadState('networkidle');
      expect(await accessibilityProblems(page), path_).toEqual([]);
    }

    // The API's refusal: the error alert and the field's message must be readable too.
    await page.goto('/units/new');
    const code = page.getByLabel(text.units.form.code);
    await code.fill('P-DUCXUAN');
    await page.getByLabel(text.units.form.name).fill('Thử mã trùng');
    await choose(page, text.units.form.kind, unitKindLabelsVi.province);
    await page.getByRole('button', { name: text.common.save, exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe(errorMessagesVi.unit_code_taken);
    expect(await fieldError(code)).toBe(text.common.fieldErrors.alreadyUsed);
    expect(await accessibilityProblems(page), 'units/new, refused').toEqual([]);
  });

  it('fits the lists in a 1280 px wide window, the actions column in sight', async () => {
    const page = await pages.open({ viewport: { width: 1280, height: 800 } });
    await signIn(page, admin);
    for (const [path_, title] of [
      ['/questions', text.questions.title],
      ['/units', text.units.title],
      ['/users', text.users.title],
    ]) {
      await page.goto(path_);
      await expect.poll(() => heading(page).innerText(), { message: path_ }).toBe(title);
      await page.waitForLoadState('networkidle');
      expect(await tableOverflow(page), path_).toBeLessThanOrEqual(1);
      const actions = page.getByRole('columnheader', { name: text.common.actions });
      const box = await actions.boundingBox();
      expect(box!.x + box!.width, path_).toBeLessThanOrEqual(1280);
    }

    // The plan: every group's table shows its task, units, time, status and actions unscrolled.
    await page.goto('/reporting/plan');
    await expect.poll(() => heading(page).innerText()).toBe(text.reporting.plan.title);
    await page.waitForLoadState('networkidle');
    const overflows = await page
      .locator('.el-table__body-wrapper .el-scrollbar__wrap')
      .evaluateAll((tables) => tables.map((el) => el.scrollWidth - el.clientWidth));
    expect(overflows.length).toBeGreaterThan(1);
    expect(overflows.filter((overflow) => overflow > 1)).toEqual([]);
  });

  it('fits a phone: the navigation opens from the menu button', async () => {
    const page = await pages.open({ viewport: { width: 390, height: 844 } });
    await signIn(page, admin);
    await expect.poll(() => heading(page).innerText()).toBe(text.dashboard.title);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.getByRole('button', { name: text.nav.openMenu }).click();
    await nav(page).getByRole('link', { name: text.nav.units, exact: true }).waitFor();
    await screenshot(page, '14-phone-menu');
    await nav(page).getByRole('link', { name: text.nav.units, exact: true }).click();
    await expect.poll(() => heading(page).innerText()).toBe(text.units.title);
    await screenshot(page, '15-phone-units');

    // The question log: each question with its time, channel and outcome under it, and its action.
    await page.goto('/questions');
    await expect.poll(() => heading(page).innerText()).toBe(text.questions.title);
    await page.waitForLoadState('networkidle');
    expect(await tableOverflow(page)).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const columns = await page.getByRole('columnheader').allInnerTexts();
    expect(columns.map((c) => c.trim())).toEqual([
      text.questions.columns.text,
      text.common.actions,
    ]);
    await screenshot(page, '16-phone-question-log');

    // No page runs off a phone's screen (a wide table scrolls inside itself).
    const wide: string[] = [];
    for (const path_ of PHONE_PAGES) {
      await page.goto(`/${path_}`);
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path_}: ${width}px`);
    }
    expect(wide).toEqual([]);
  });

  it('keeps what was typed when the session expires, through signing in again', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    await page.goto('/units/new');
    await page.getByLabel(text.units.form.code).fill('X-HETHAN');
    await page.getByLabel(text.units.form.name).fill('UBND xã Hết Hạn');
    await page.getByLabel(text.units.form.address).fill('Thôn Nà Pài');
    await choose(page, text.units.form.kind, unitKindLabelsVi.department);

    // The session ends elsewhere (signed out in another tab); then Save.
    await page.request.post('/api/v1/auth/logout');
    await page.getByRole('button', { name: text.common.save, exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('reason') === 'expired',
    );
    expect(await page.getByRole('status').first().innerText()).toBe(text.auth.login.expired);

    await signIn(page, admin);
    expect(new URL(page.url()).pathname).toBe('/units/new');
    await page.getByText(text.common.draftRestored).waitFor();
    expect(await page.getByLabel(text.units.form.code).inputValue()).toBe('X-HETHAN');
    expect(await page.getByLabel(text.units.form.name).inputValue()).toBe('UBND xã Hết Hạn');
    expect(await page.getByLabel(text.units.form.address).inputValue()).toBe('Thôn Nà Pài');

    await page.getByRole('button', { name: text.common.save, exact: true }).click();
    await page.waitForURL('**/units');
    expect(await flash(page).innerText()).toBe('Đã thêm đơn vị “UBND xã Hết Hạn”.');
  });
});
