import type { RouteRecordRaw } from 'vue-router';

export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'audit',
    name: 'audit',
    component: () => import('@/views/audit/index.vue'),
    meta: {
      titleKey: 'audit.title',
      roles: ['admin'],
      nav: { group: 'admin', order: 30, labelKey: 'nav.audit' },
    },
  },
];
