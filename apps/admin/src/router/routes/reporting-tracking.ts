import { REPORT_TRACKING_READERS } from '@gcm/domain';
import type { RouteRecordRaw } from 'vue-router';

/**
 * The coordinating office's view of a reporting period (issue 13): who has reported, and the
 * totals with their XLSX and DOCX files. `?template=&period=` keep the choice in the address.
 */
export const reportingTrackingRoutes: RouteRecordRaw[] = [
  {
    path: 'reporting/tracking',
    name: 'reporting-tracking',
    component: () => import('@/views/reporting-tracking/matrix.vue'),
    meta: {
      titleKey: 'reportingTracking.matrix.title',
      roles: REPORT_TRACKING_READERS,
      nav: { group: 'reports', order: 40, labelKey: 'nav.reportingTracking' },
    },
  },
  {
    path: 'reporting/totals',
    name: 'reporting-totals',
    component: () => import('@/views/reporting-tracking/totals.vue'),
    meta: {
      titleKey: 'reportingTracking.totals.title',
      roles: REPORT_TRACKING_READERS,
      nav: { group: 'reports', order: 50, labelKey: 'nav.reportingTotals' },
    },
  },
];
