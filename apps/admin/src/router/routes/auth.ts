import type { RouteRecordRaw } from 'vue-router';
import AuthLayout from '@/layouts/auth-layout.vue';

/** Pages outside the main layout. */
export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    component: AuthLayout,
    children: [
      {
        path: '',
        name: 'login',
        component: () => import('@/views/login/index.vue'),
        meta: { public: true, titleKey: 'auth.login.title' },
      },
    ],
  },
];
