import type { Router } from 'vue-router';
import { onApiError } from '@/api/client';
import { stashDrafts } from '@/composables/use-draft';
import { flashAfterNavigation } from '@/composables/use-flash';
import { i18n } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { CHANGE_PASSWORD_ROUTE, LOGIN_ROUTE, decideAccess } from './access';

/**
 * Navigation rules: who is signed in is asked once, then every navigation is checked by
 * decideAccess. An API answer saying the session ended (401) or the password must be changed
 * (403 password_change_required) moves the user to the right page from anywhere.
 * Returns a function that stops listening to API errors (for tests).
 */
export function installGuards(router: Router): () => void {
  const session = useSessionStore();

  router.beforeEach(async (to) => {
    await session.ensureLoaded();
    return decideAccess(to, session.user);
  });

  router.afterEach((to) => {
    flashAfterNavigation();
    if (typeof document === 'undefined') return;
    const appName = i18n.global.t('common.appName');
    const title = to.meta.titleKey ? i18n.global.t(to.meta.titleKey) : null;
    document.title = title ? `${title} · ${appName}` : appName;
  });

  return onApiError((error) => {
    if (!session.user) return;
    const current = router.currentRoute.value;
    if (error.code === 'unauthenticated') {
      // Whatever was being typed is kept for after signing in again (useDraft).
      stashDrafts(session.user.id);
      session.clear();
      void router.push({
        name: LOGIN_ROUTE,
        query: { redirect: current.fullPath, reason: 'expired' },
      });
    } else if (error.code === 'password_change_required') {
      session.requirePasswordChange();
      if (current.name !== CHANGE_PASSWORD_ROUTE) void router.push({ name: CHANGE_PASSWORD_ROUTE });
    }
  });
}
