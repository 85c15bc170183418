import type { Role } from '@gcm/domain';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in (the login page). */
    public?: boolean;
    /** Roles allowed on the page; any signed-in user when absent. */
    roles?: readonly Role[];
    /** Message key of the page title (document title and h1). */
    titleKey?: string;
  }
}

export {};
