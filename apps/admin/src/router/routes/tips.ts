import type { RouteRecordRaw } from 'vue-router';

/**
 * Confidential reports to the police. Every role sees the list (that reports exist); the API
 * lets only officers of the police unit serving a report's area read and answer it.
 */
export const tipRoutes: RouteRecordRaw[] = [
  {
    path: 'tips',
    name: 'tips',
    component: () => import('@/views/tips/index.vue'),
    meta: { titleKey: 'tips.list.title', nav: { group: 'qa', order: 47, labelKey: 'tips.nav' } },
  },
  {
    path: 'tips/:id',
    name: 'tip-detail',
    component: () => import('@/views/tips/tip-detail.vue'),
    props: true,
    meta: { titleKey: 'tips.detail.title' },
  },
];
