import { QUESTION_LOG_READERS } from '@gcm/domain';
import type { RouteRecordRaw } from 'vue-router';

/** The landing page after sign-in, for the roles that may read the question statistics. */
export const dashboardRoutes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/views/dashboard/index.vue'),
    meta: {
      titleKey: 'dashboard.title',
      roles: QUESTION_LOG_READERS,
      nav: { group: 'overview', order: 10, labelKey: 'nav.dashboard' },
    },
  },
];
