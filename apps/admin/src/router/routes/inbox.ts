import { BROADCAST_READERS, INBOX_WORKERS } from '@gcm/domain';
import type { RouteRecordRaw } from 'vue-router';

/** The staff inbox, broadcasts to subscribers and the bot simulator (Hỏi đáp). */
export const inboxRoutes: RouteRecordRaw[] = [
  {
    path: 'inbox',
    name: 'inbox',
    component: () => import('@/views/inbox/index.vue'),
    meta: {
      titleKey: 'inbox.title',
      roles: INBOX_WORKERS,
      nav: { group: 'qa', order: 10, labelKey: 'nav.inbox' },
    },
  },
  {
    path: 'broadcasts',
    name: 'broadcasts',
    component: () => import('@/views/broadcasts/index.vue'),
    meta: {
      titleKey: 'broadcasts.title',
      roles: BROADCAST_READERS,
      nav: { group: 'qa', order: 40, labelKey: 'nav.broadcasts' },
    },
  },
  {
    path: 'simulator',
    name: 'simulator',
    component: () => import('@/views/simulator/index.vue'),
    meta: {
      titleKey: 'simulator.title',
      roles: INBOX_WORKERS,
      nav: { group: 'qa', order: 50, labelKey: 'nav.simulator' },
    },
  },
];
