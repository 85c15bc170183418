/**
 * Renders every page to HTML in Node (server-side rendering, so no browser is needed) for a
 * signed-in administrator: each page's template runs, and its title and labels appear.
 * Data loads in onMounted, which server rendering skips; the flows are in navigation.spec.ts.
 * Element Plus ties labels to their controls once mounted: the browser tests check that.
 */
import { ID_INJECTION_KEY, ZINDEX_INJECTION_KEY } from 'element-plus';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createMemoryHistory } from 'vue-router';
import App from '@/app.vue';
import { i18n, messages, setLocale } from '@/locales';
import { createAppRouter } from '@/router';
import { installGuards } from '@/router/guards';
import { useSessionStore } from '@/stores/session';
import { userFactory } from '@/test-utils/factories';

const admin = userFactory();

async function render(path: string): Promise<string> {
  const app = createSSRApp(App);
  // Element Plus asks a server-rendered app for the seeds of its ids and z-indexes.
  app.provide(ID_INJECTION_KEY, { prefix: 1024, current: 0 });
  app.provide(ZINDEX_INJECTION_KEY, { current: 0 });
  const pinia = createPinia();
  app.use(pinia);
  app.use(i18n);
  const session = useSessionStore(pinia);
  session.user = admin;
  session.loaded = true;
  const router = createAppRouter(createMemoryHistory());
  const uninstall = installGuards(router);
  app.use(router);
  await router.push(path);
  await router.isReady();
  try {
    return await renderToString(app);
  } finally {
    uninstall();
  }
}

const vi_ = messages['vi-VN'];

describe('every page renders', () => {
  beforeEach(() => {
    // Nothing should be fetched while rendering; fail loudly if something is.
    vi.stubGlobal('fetch', () => Promise.reject(new Error('unexpected fetch during render')));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('vi-VN');
  });

  it.each([
    ['/dashboard', vi_.dashboard.title],
    ['/questions', vi_.questions.title],
    ['/units', vi_.units.title],
    ['/units/new', vi_.units.form.createTitle],
    ['/units/import', vi_.units.importPage.title],
    ['/units/5f0c6b2e-0000-4000-8000-000000000009/edit', vi_.units.form.editTitle],
    ['/users', vi_.users.title],
    ['/users/new', vi_.users.form.createTitle],
    ['/audit', vi_.audit.title],
    ['/reporting/plan', vi_.reporting.plan.title],
    ['/reporting/submissions', vi_.reporting.submissions.title],
    ['/reporting/templates', vi_.reporting.templates.title],
    ['/reporting/templates/new', vi_.reporting.builder.createTitle],
    ['/reporting/periods', vi_.reporting.periods.title],
    ['/account/sessions', vi_.sessions.title],
    ['/account/password', vi_.auth.changePassword.title],
    ['/forbidden', vi_.common.forbidden.title],
    ['/no-such-page', vi_.common.notFound.title],
  ])('%s', async (path, title) => {
    const html = await render(path);

    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain(vi_.nav.users);
    expect(html).toContain('Phạm Văn D');
  });

  it('renders in English when chosen', async () => {
    setLocale('en-US');

    const html = await render('/units');

    expect(html).toContain(`<h1>${messages['en-US'].units.title}</h1>`);
  });
});
