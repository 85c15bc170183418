import { describe, expect, it } from 'vitest';
import { routes } from '@/router';
import { navItems, navItemsFor, navSectionsFor } from './nav-items';

describe('navItemsFor', () => {
  it('shows the dashboard to those who read statistics, accounts and the audit log to admins', () => {
    expect(navItemsFor('admin').map((i) => i.route)).toEqual([
      'dashboard',
      'inbox',
      'question-log',
      'knowledge-faqs',
      'broadcasts',
      'help-nearby-contacts',
      'help-nearby-companies',
      'tips',
      'simulator',
      'reporting-plan',
      'reporting-submissions',
      'reporting-tracking',
      'reporting-totals',
      'reporting-templates',
      'reporting-periods',
      'units',
      'users',
      'audit',
      'sessions',
      'change-password',
    ]);
    // Leaders read the broadcasts sent; the inbox and the simulator are for those who answer.
    expect(navItemsFor('viewer').map((i) => i.route)).toEqual([
      'dashboard',
      'question-log',
      'knowledge-faqs',
      'broadcasts',
      'help-nearby-contacts',
      'help-nearby-companies',
      'tips',
      'reporting-plan',
      'reporting-submissions',
      'reporting-tracking',
      'reporting-totals',
      'reporting-templates',
      'reporting-periods',
      'units',
      'sessions',
      'change-password',
    ]);
    // A unit's officer follows its own tasks and reports; templates and periods are the office's.
    expect(navItemsFor('unit_reporter').map((i) => i.route)).toEqual([
      'knowledge-faqs',
      'help-nearby-contacts',
      'help-nearby-companies',
      'tips',
      'reporting-plan',
      'reporting-submissions',
      'units',
      'sessions',
      'change-password',
    ]);
  });

  it('groups the links and leaves out groups without any', () => {
    expect(navSectionsFor('admin').map((s) => [s.group, s.items.length])).toEqual([
      ['overview', 1],
      ['qa', 8],
      ['reports', 6],
      ['admin', 5],
    ]);
    expect(navSectionsFor('unit_reporter').map((s) => s.group)).toEqual(['qa', 'reports', 'admin']);
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
