import { QUESTION_LOG_READERS, type Role, type UserResponse } from '@gcm/domain';
import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';

/** `/`: a route of its own that the guard turns into the user's landing page. */
export const HOME_ROUTE = 'home';
export const LOGIN_ROUTE = 'login';
export const CHANGE_PASSWORD_ROUTE = 'change-password';
export const FORBIDDEN_ROUTE = 'forbidden';

/**
 * The landing page after sign-in: the dashboard for those who may read it, a unit's reports for
 * its reporting officer, else the units.
 */
export function homeRouteFor(role: Role | null | undefined): string {
  if (role === 'unit_reporter') return 'reporting-submissions';
  return role && QUESTION_LOG_READERS.includes(role) ? 'dashboard' : 'units';
}

type Target = Pick<RouteLocationNormalized, 'name' | 'meta' | 'fullPath'>;

/**
 * Who may open which page: true, or where to go instead. The API enforces the same rules;
 * this only keeps people away from pages that would answer 401 or 403.
 */
export function decideAccess(to: Target, user: UserResponse | null): true | RouteLocationRaw {
  if (to.meta.public) {
    if (!user) return true;
    return user.mustChangePassword
      ? { name: CHANGE_PASSWORD_ROUTE }
      : { name: homeRouteFor(user.role) };
  }
  if (!user) {
    return to.fullPath === '/'
      ? { name: LOGIN_ROUTE }
      : { name: LOGIN_ROUTE, query: { redirect: to.fullPath } };
  }
  if (user.mustChangePassword && to.name !== CHANGE_PASSWORD_ROUTE) {
    return { name: CHANGE_PASSWORD_ROUTE };
  }
  if (to.name === HOME_ROUTE) return { name: homeRouteFor(user.role) };
  if (to.meta.roles && !to.meta.roles.includes(user.role)) {
    return { name: FORBIDDEN_ROUTE };
  }
  return true;
}

/** A redirect target from the query, only if it is a path on this site (no open redirect). */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
