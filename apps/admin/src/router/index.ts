import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import DefaultLayout from '@/layouts/default-layout.vue';
import { FORBIDDEN_ROUTE, HOME_ROUTE } from './access';
import { authRoutes } from './routes/auth';
import { featureRoutes } from './routes';
import './route-meta';

export const routes: RouteRecordRaw[] = [
  ...authRoutes,
  {
    path: '/',
    component: DefaultLayout,
    children: [
      // The guard sends `home` on to the user's landing page (homeRouteFor).
      { path: '', name: HOME_ROUTE, component: () => import('@/views/not-found/index.vue') },
      ...featureRoutes,
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
