import type { RouteRecordRaw } from 'vue-router';

/** The signed-in user's own account: password and sessions. */
export const accountRoutes: RouteRecordRaw[] = [
  {
    path: 'account/password',
    name: 'change-password',
    component: () => import('@/views/change-password/index.vue'),
    meta: {
      titleKey: 'auth.changePassword.title',
      nav: { group: 'admin', order: 50, labelKey: 'nav.changePassword' },
    },
  },
  {
    path: 'account/sessions',
    name: 'sessions',
    component: () => import('@/views/sessions/index.vue'),
    meta: {
      titleKey: 'sessions.title',
      nav: { group: 'admin', order: 40, labelKey: 'nav.sessions' },
    },
  },
];
