import { REPORT_TEMPLATE_WRITERS, Role, ROLES } from '@gcm/domain';
import type { RouteRecordRaw } from 'vue-router';

/** Staff who read templates and periods: everyone but a unit's reporting officer. */
const OFFICE_READERS = ROLES.filter((role) => role !== Role.UnitReporter && role !== Role.Editor);
/** Who follows the plan and the reports: the office, the leaders and the units themselves. */
const REPORT_READERS = ROLES.filter((role) => role !== Role.Editor);

/**
 * Reporting (Báo cáo): the plan and its tasks with progress updates, the units' reports (a list
 * and one report), report templates with their builder and preview, and periods. A unit
 * reporter sees its own unit's tasks and reports; templates and periods are the office's.
 */
export const reportingRoutes: RouteRecordRaw[] = [
  {
    path: 'reporting/plan',
    name: 'reporting-plan',
    component: () => import('@/views/reporting/plan.vue'),
    meta: {
      titleKey: 'reporting.plan.title',
      roles: REPORT_READERS,
      nav: { group: 'reports', order: 10, labelKey: 'nav.reportingPlan' },
    },
  },
  {
    path: 'reporting/submissions',
    name: 'reporting-submissions',
    component: () => import('@/views/reporting/submissions.vue'),
    meta: {
      titleKey: 'reporting.submissions.title',
      roles: REPORT_READERS,
      nav: { group: 'reports', order: 20, labelKey: 'nav.reportingSubmissions' },
    },
  },
  {
    path: 'reporting/submissions/:id',
    name: 'reporting-submission',
    component: () => import('@/views/reporting/submission.vue'),
    props: true,
    meta: { titleKey: 'reporting.submission.title', roles: REPORT_READERS },
  },
  {
    path: 'reporting/templates',
    name: 'reporting-templates',
    component: () => import('@/views/reporting/templates.vue'),
    meta: {
      titleKey: 'reporting.templates.title',
      roles: OFFICE_READERS,
      nav: { group: 'reports', order: 60, labelKey: 'nav.reportingTemplates' },
    },
  },
  {
    path: 'reporting/templates/new',
    name: 'reporting-template-create',
    component: () => import('@/views/reporting/template-editor.vue'),
    meta: { titleKey: 'reporting.builder.createTitle', roles: REPORT_TEMPLATE_WRITERS },
  },
  {
    path: 'reporting/templates/:id',
    name: 'reporting-template',
    component: () => import('@/views/reporting/template-editor.vue'),
    props: true,
    meta: { titleKey: 'reporting.builder.editTitle', roles: OFFICE_READERS },
  },
  {
    path: 'reporting/periods',
    name: 'reporting-periods',
    component: () => import('@/views/reporting/periods.vue'),
    meta: {
      titleKey: 'reporting.periods.title',
      roles: OFFICE_READERS,
      nav: { group: 'reports', order: 70, labelKey: 'nav.reportingPeriods' },
    },
  },
];
