import type { Role } from '@gcm/domain';
import type { RouteRecordRaw } from 'vue-router';
import { featureRoutes } from '@/router/routes';
import { NAV_GROUPS, type NavGroup } from '@/router/route-meta';

export interface NavItem {
  route: string;
  labelKey: string;
  /** Roles that see the item; everyone when absent (the route's own roles). */
  roles?: readonly Role[];
}

export interface NavSection {
  group: NavGroup;
  labelKey: string;
  items: NavItem[];
}

/** The side navigation's links: every feature route with `meta.nav`, in their group's order. */
export function navItemsOf(routes: readonly RouteRecordRaw[]): (NavItem & {
  group: NavGroup;
  order: number;
})[] {
  return routes
    .filter((route) => route.meta?.nav && typeof route.name === 'string')
    .map((route) => {
      const meta = route.meta!;
      const nav = meta.nav!;
      return {
        route: route.name as string,
        labelKey: nav.labelKey ?? meta.titleKey ?? String(route.name),
        roles: meta.roles,
        group: nav.group,
        order: nav.order,
      };
    })
    .sort((a, b) => NAV_GROUPS.indexOf(a.group) - NAV_GROUPS.indexOf(b.group) || a.order - b.order);
}

export const navItems = navItemsOf(featureRoutes);

const visibleTo = (role: Role | null) => (item: NavItem) =>
  !item.roles || (role !== null && item.roles.includes(role));

/** The links `role` may use, in order. */
export function navItemsFor(role: Role | null): NavItem[] {
  return navItems.filter(visibleTo(role));
}

/** The links `role` may use, by group; groups with none are left out. */
export function navSectionsFor(role: Role | null): NavSection[] {
  const items = navItemsFor(role) as (NavItem & { group: NavGroup })[];
  return NAV_GROUPS.map((group) => ({
    group,
    labelKey: `nav.groups.${group}`,
    items: items.filter((item) => item.group === group),
  })).filter((section) => section.items.length > 0);
}
