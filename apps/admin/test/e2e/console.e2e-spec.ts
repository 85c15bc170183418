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
import { errorMessagesVi, passwordProblemsVi, roleLabelsVi, unitKindLabelsVi } from '@gcm/domain';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { requireBuilds, startApi, type RunningApi } from './support/api-server';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './support/chromium';

const text = messages['vi-VN'];
const admin = { email: 'quan.tri.e2e@example.gov.vn', password: 'Mat-khau-e2e-2025' };
const SCREENSHOT_PATH = path.join(tmpdir(), 'gcm-admin-e2e-units.png');

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

describe.skipIf(!hasChromium)('admin console in Chromium', () => {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  /** Uncaught errors thrown in the page during the current test. */
  let pageErrors: string[] = [];

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

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  async function openConsole(): Promise<Page> {
    if (!api || !browser) throw new Error('beforeAll did not start the API and the browser');
    pageErrors = [];
    context = await browser.newContext({
      baseURL: api.baseUrl,
      locale: 'en-US',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 860 },
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  /** Fills in and sends the login form (opening it first when another page is shown). */
  async function submitLogin(page: Page, email: string, password: string) {
    if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
    await page.getByLabel(text.auth.login.email).fill(email);
    await page.getByLabel(text.auth.login.password).fill(password);
    await page.getByRole('button', { name: text.auth.login.submit }).click();
  }

  async function signIn(page: Page, email = admin.email, password = admin.password) {
    await submitLogin(page, email, password);
    await page.waitForURL((url) => url.pathname !== '/login');
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  const rows = (page: Page) => page.locator('table tbody tr');
  const rowOf = (page: Page, name: string) => rows(page).filter({ hasText: name });
  const cellsOf = (row: Locator) => row.locator('td').allInnerTexts();
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
    const page = await openConsole();

    await page.goto('/');
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/units',
    );
    expect(await heading(page).innerText()).toBe(text.auth.login.title);
    await expectReadableLanguageSwitcher(page);

    await submitLogin(page, admin.email, 'not-the-password-1');
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe(errorMessagesVi.invalid_credentials);
    expect(await page.getByLabel(text.auth.login.password).inputValue()).toBe('');

    await signIn(page);

    expect(new URL(page.url()).pathname).toBe('/units');
    expect(await heading(page).innerText()).toBe(text.units.title);
    expect(await page.title()).toBe(`${text.units.title} · ${text.common.appName}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    const nav = page.getByRole('navigation', { name: text.nav.label });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
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
    const page = await openConsole();
    await signIn(page);
    await rowOf(page, 'UBND phường Đức Xuân').waitFor();

    expect(await rowOf(page, 'Công an thành phố').innerText()).toContain(unitKindLabelsVi.police);
    expect(await page.locator('.pagination__total').innerText()).toBe('Tổng số: 21');
    // Dates as dd/mm/yyyy HH:mm, in Vietnam's time although the browser is in Paris.
    const updated = await rowOf(page, 'UBND phường Đức Xuân').locator('td').nth(5).innerText();
    expect(updated).toMatch(DATE_TIME);
    expect(updated.slice(0, 10)).toBe(vietnamToday());

    await page.screenshot({ path: SCREENSHOT_PATH, fullPage: true });
    console.log(`Screenshot of the units page: ${SCREENSHOT_PATH}`);

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

  it('shows field errors next to the fields, then adds a commune under the city', async () => {
    const page = await openConsole();
    await signIn(page);
    const unitWrites: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/units')) {
        unitWrites.push(request.url());
      }
    });

    await page.getByRole('link', { name: text.units.add }).click();
    await page.waitForURL('**/units/new');
    expect(await heading(page).innerText()).toBe(text.units.form.createTitle);

    const code = page.getByLabel(text.units.form.code);
    const contactEmail = page.getByLabel(text.units.form.contactEmail);
    const parent = page.getByLabel(text.units.form.parent);
    await code.fill('xã thử 01');
    await page.getByLabel(text.units.form.name).fill('UBND xã Thử Nghiệm');
    await page.getByLabel(text.units.form.kind).selectOption({ label: unitKindLabelsVi.commune });
    // Only districts may hold a commune: the city is offered, the province is not.
    const parentOptions = await parent.locator('option').allInnerTexts();
    expect(parentOptions).toContain('UBND thành phố Bắc Kạn (TP-BK)');
    expect(parentOptions).not.toContain('UBND tỉnh Bắc Kạn (TINH-BK)');
    await parent.selectOption({ label: 'UBND thành phố Bắc Kạn (TP-BK)' });
    await contactEmail.fill('khong-phai-email');
    const save = page.getByRole('button', { name: text.common.save, exact: true });

    // The console's own check: a code with diacritics and spaces, in Vietnamese, nothing sent.
    await save.click();
    expect(await fieldError(code)).toBe(text.units.form.codeInvalid);
    expect(unitWrites).toEqual([]);

    // The API's check: the contact email, shown beside that field as the API words it.
    await code.fill('X-THUNGHIEM');
    await save.click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe(errorMessagesVi.validation_failed);
    expect(await fieldError(contactEmail)).toBe('contactEmail must be an email address');
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
    const page = await openConsole();
    await signIn(page);
    const newAdmin = { email: 'nguyen.thi.e2e@example.gov.vn', fullName: 'Nguyễn Thị Hồng Nhung' };

    await page.getByRole('navigation').getByRole('link', { name: text.nav.users }).click();
    await page.getByRole('link', { name: text.users.add }).click();
    await page.waitForURL('**/users/new');
    await page.getByLabel(text.users.form.email).fill(newAdmin.email);
    await page.getByLabel(text.users.form.fullName).fill(newAdmin.fullName);
    await page.getByLabel(text.users.form.role).selectOption({ label: roleLabelsVi.admin });
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
    await context?.clearCookies();
    await page.goto('/login');
    await signIn(page, newAdmin.email, temporaryPassword);
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
    const page = await openConsole();
    await signIn(page);
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
    await signIn(page);
    expect(new URL(page.url()).pathname).toBe('/audit');
    expect(await heading(page).innerText()).toBe(text.audit.title);
  });
});
