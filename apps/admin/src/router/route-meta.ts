import type { Role } from '@gcm/domain';

/** The groups of the side navigation, in order (see layouts/nav-items.ts). */
export const NAV_GROUPS = ['overview', 'qa', 'reports', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in (the login page). */
    public?: boolean;
    /** Roles allowed on the page; any signed-in user when absent. */
    roles?: readonly Role[];
    /** Message key of the page title (document title and h1). */
    titleKey?: string;
    /**
     * The page has a link in the side navigation: in `group`, ordered by `order`, labelled
     * `labelKey` (else the title). Shown only to the page's `roles`.
     */
    nav?: { group: NavGroup; order: number; labelKey?: string };
  }
}

export {};
