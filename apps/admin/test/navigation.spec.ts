/**
 * The console's navigation rules end to end in Node: the real router, guards, session store
 * and API client, with `fetch` answered by a small fake of the API.
 */
import type { UserResponse } from '@gcm/domain';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, type Router } from 'vue-router';
import { api } from '@/api/client';
import { createAppRouter } from '@/router';
import { installGuards } from '@/router/guards';
import { useSessionStore } from '@/stores/session';
import { userFactory } from '@/test-utils/factories';

/** The fake API: who is signed in, and every request seen. */
function fakeApi(signedIn: UserResponse | null) {
  const state = { user: signedIn, requests: [] as string[] };
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  const unauthenticated = () => json(401, { code: 'unauthenticated', message: 'Sign in.' });

  const fetchFn = vi.fn(async (url: string, init: RequestInit) => {
    state.requests.push(`${init.method} ${url}`);
    const path = url.split('?')[0];
    if (path === '/api/v1/auth/me') return state.user ? json(200, state.user) : unauthenticated();
    if (path === '/api/v1/units') {
      return state.user
        ? json(200, { items: [], total: 0, page: 1, pageSize: 20 })
        : unauthenticated();
    }
    return json(404, { code: 'route_not_found', message: 'No route' });
  });
  vi.stubGlobal('fetch', fetchFn);
  return state;
}

let uninstall: (() => void) | undefined;

async function startRouter(): Promise<Router> {
  setActivePinia(createPinia());
  const router = createAppRouter(createMemoryHistory());
  uninstall = installGuards(router);
  return router;
}

describe('console navigation', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
  });

  afterEach(() => {
    uninstall?.();
    vi.unstubAllGlobals();
  });

  it('sends a visitor to the login page and remembers the page asked for', async () => {
    fakeApi(null);
    const sut = await startRouter();

    await sut.push('/users?search=an');

    expect(sut.currentRoute.value.name).toBe('login');
    expect(sut.currentRoute.value.query.redirect).toBe('/users?search=an');
  });

  it('opens the dashboard from / for a signed-in user who may read it, a unit officer its reports', async () => {
    const api = fakeApi(userFactory({ role: 'viewer' }));
    const sut = await startRouter();

    await sut.push('/');

    expect(sut.currentRoute.value.name).toBe('dashboard');
    expect(api.requests).toEqual(['GET /api/v1/auth/me']);

    fakeApi(userFactory({ role: 'unit_reporter', unitId: 'u-1' }));
    const reporter = await startRouter();
    await reporter.push('/');
    expect(reporter.currentRoute.value.name).toBe('reporting-submissions');
  });

  it('refuses admin pages to other roles', async () => {
    fakeApi(userFactory({ role: 'coordinator' }));
    const sut = await startRouter();

    await sut.push('/audit');

    expect(sut.currentRoute.value.name).toBe('forbidden');
  });

  it('holds a user with a temporary password on the change-password page', async () => {
    fakeApi(userFactory({ mustChangePassword: true }));
    const sut = await startRouter();

    await sut.push('/units');
    expect(sut.currentRoute.value.name).toBe('change-password');

    await sut.push('/account/sessions');
    expect(sut.currentRoute.value.name).toBe('change-password');
  });

  it('goes back to the login page when the API says the session ended', async () => {
    const state = fakeApi(userFactory());
    const sut = await startRouter();
    await sut.push('/units');

    state.user = null;
    await expect(api.units.list()).rejects.toMatchObject({ status: 401 });
    await vi.waitFor(() => expect(sut.currentRoute.value.name).toBe('login'));

    expect(sut.currentRoute.value.query).toEqual({ redirect: '/units', reason: 'expired' });
    expect(useSessionStore().user).toBeNull();
  });
});
