import type { RouteRecordRaw } from 'vue-router';

const adminOnly = ['admin'] as const;

export const userRoutes: RouteRecordRaw[] = [
  {
    path: 'users',
    name: 'users',
    component: () => import('@/views/users/index.vue'),
    meta: {
      titleKey: 'users.title',
      roles: adminOnly,
      nav: { group: 'admin', order: 20, labelKey: 'nav.users' },
    },
  },
  {
    path: 'users/new',
    name: 'user-create',
    component: () => import('@/views/users/user-form.vue'),
    meta: { titleKey: 'users.form.createTitle', roles: adminOnly },
  },
  {
    path: 'users/:id',
    name: 'user-edit',
    component: () => import('@/views/users/user-form.vue'),
    props: true,
    meta: { titleKey: 'users.title', roles: adminOnly },
  },
];
