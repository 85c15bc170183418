import { describe, expect, it } from 'vitest';
import { routes } from '@/router';
import { navItems, navItemsFor } from './nav-items';

describe('navItemsFor', () => {
  it('shows accounts and the audit log to admins only', () => {
    expect(navItemsFor('admin').map((i) => i.route)).toEqual([
      'units',
      'users',
      'audit',
      'sessions',
      'change-password',
    ]);
    expect(navItemsFor('unit_reporter').map((i) => i.route)).toEqual([
      'units',
      'sessions',
      'change-password',
    ]);
  });

  it('links only to routes that exist, with the same roles as the route', () => {
    const byName = new Map(
      routes.flatMap((r) => [r, ...(r.children ?? [])]).map((r) => [r.name, r] as const),
    );
    for (const item of navItems) {
      const route = byName.get(item.route);
      expect(route, item.route).toBeDefined();
      expect(route?.meta?.roles, item.route).toEqual(item.roles);
    }
  });
});
