import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import DefaultLayout from '@/layouts/default-layout.vue';
import { FORBIDDEN_ROUTE, HOME_ROUTE } from './access';
import { accountRoutes } from './routes/account';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { unitRoutes } from './routes/units';
import { userRoutes } from './routes/users';
import './route-meta';

export const routes: RouteRecordRaw[] = [
  ...authRoutes,
  {
    path: '/',
    component: DefaultLayout,
    children: [
      { path: '', name: 'home', redirect: { name: HOME_ROUTE } },
      ...unitRoutes,
      ...userRoutes,
      ...auditRoutes,
      ...accountRoutes,
      {
        path: 'forbidden',
        name: FORBIDDEN_ROUTE,
        component: () => import('@/views/forbidden/index.vue'),
        meta: { titleKey: 'common.forbidden.title' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/not-found/index.vue'),
        meta: { titleKey: 'common.notFound.title' },
      },
    ],
  },
];

/** History mode: the API serves index.html for every path outside /api and /health. */
export function createAppRouter(history: RouterHistory = createWebHistory()) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
}
