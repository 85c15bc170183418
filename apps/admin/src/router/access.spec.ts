import { describe, expect, it } from 'vitest';
import type { RouteMeta } from 'vue-router';
import { userFactory } from '@/test-utils/factories';
import { decideAccess, safeRedirect } from './access';

const route = (name: string, meta: RouteMeta = {}, fullPath = `/${name}`) => ({
  name,
  meta,
  fullPath,
});

describe('decideAccess', () => {
  it('sends a visitor to the login page, remembering where they were going', () => {
    expect(decideAccess(route('units', {}, '/units?page=2'), null)).toEqual({
      name: 'login',
      query: { redirect: '/units?page=2' },
    });
    expect(decideAccess(route('home', {}, '/'), null)).toEqual({ name: 'login' });
  });

  it('lets a visitor open public pages and sends a signed-in user away from them', () => {
    expect(decideAccess(route('login', { public: true }), null)).toBe(true);
    expect(decideAccess(route('login', { public: true }), userFactory())).toEqual({
      name: 'dashboard',
    });
  });

  it('lands each role on its home page', () => {
    expect(decideAccess(route('home'), userFactory({ role: 'viewer' }))).toEqual({
      name: 'dashboard',
    });
    expect(decideAccess(route('home'), userFactory({ role: 'unit_reporter' }))).toEqual({
      name: 'reporting-submissions',
    });
  });

  it('keeps a user who must change the password on the change-password page', () => {
    const user = userFactory({ mustChangePassword: true });

    expect(decideAccess(route('units'), user)).toEqual({ name: 'change-password' });
    expect(decideAccess(route('login', { public: true }), user)).toEqual({
      name: 'change-password',
    });
    expect(decideAccess(route('change-password'), user)).toBe(true);
  });

  it('checks the roles of the page', () => {
    const meta: RouteMeta = { roles: ['admin'] };

    expect(decideAccess(route('users', meta), userFactory())).toBe(true);
    expect(decideAccess(route('users', meta), userFactory({ role: 'coordinator' }))).toEqual({
      name: 'forbidden',
    });
  });
});

describe('safeRedirect', () => {
  it('accepts paths on this site only', () => {
    expect(safeRedirect('/units?page=2')).toBe('/units?page=2');
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect(['/units'])).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
  });
});
