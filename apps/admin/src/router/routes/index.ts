import type { RouteRecordRaw } from 'vue-router';
import { accountRoutes } from './account';
import { auditRoutes } from './audit';
import { dashboardRoutes } from './dashboard';
import { helpNearbyRoutes } from './help-nearby';
import { inboxRoutes } from './inbox';
import { knowledgeRoutes } from './knowledge';
import { questionRoutes } from './questions';
import { reportingRoutes } from './reporting';
import { reportingTrackingRoutes } from './reporting-tracking';
import { tipRoutes } from './tips';
import { unitRoutes } from './units';
import { userRoutes } from './users';

/**
 * Every feature's pages inside the main layout. A new feature adds its route module here (one
 * line); a route with `meta.nav` gets its link in the side navigation by itself.
 */
export const featureRoutes: RouteRecordRaw[] = [
  ...dashboardRoutes,
  ...questionRoutes,
  ...knowledgeRoutes,
  ...helpNearbyRoutes,
  ...tipRoutes,
  ...inboxRoutes,
  ...reportingRoutes,
  ...reportingTrackingRoutes,
  ...unitRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...accountRoutes,
];
