import type { Role } from '@gcm/domain';

export interface NavItem {
  route: string;
  labelKey: string;
  /** Roles that see the item; everyone when absent. */
  roles?: readonly Role[];
}

/** The main navigation, in order. Pages add themselves here and in router/routes/. */
export const navItems: readonly NavItem[] = [
  { route: 'units', labelKey: 'nav.units' },
  { route: 'users', labelKey: 'nav.users', roles: ['admin'] },
  { route: 'audit', labelKey: 'nav.audit', roles: ['admin'] },
  { route: 'sessions', labelKey: 'nav.sessions' },
  { route: 'change-password', labelKey: 'nav.changePassword' },
];

export function navItemsFor(role: Role | null): NavItem[] {
  return navItems.filter((item) => !item.roles || (role !== null && item.roles.includes(role)));
}
