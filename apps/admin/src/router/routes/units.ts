import { LINK_CODE_ISSUERS, UNIT_WRITERS } from '@gcm/domain';
import type { RouteRecordRaw } from 'vue-router';

export const unitRoutes: RouteRecordRaw[] = [
  {
    path: 'units',
    name: 'units',
    component: () => import('@/views/units/index.vue'),
    meta: { titleKey: 'units.title', nav: { group: 'admin', order: 10, labelKey: 'nav.units' } },
  },
  {
    path: 'units/new',
    name: 'unit-create',
    component: () => import('@/views/units/unit-form.vue'),
    meta: { titleKey: 'units.form.createTitle', roles: UNIT_WRITERS },
  },
  {
    path: 'units/import',
    name: 'unit-import',
    component: () => import('@/views/units/unit-import.vue'),
    meta: { titleKey: 'units.importPage.title', roles: UNIT_WRITERS },
  },
  {
    path: 'units/:id/links',
    name: 'unit-links',
    component: () => import('@/views/units/unit-links.vue'),
    props: true,
    meta: { titleKey: 'units.links.title', roles: LINK_CODE_ISSUERS },
  },
  {
    path: 'units/:id/edit',
    name: 'unit-edit',
    component: () => import('@/views/units/unit-form.vue'),
    props: true,
    meta: { titleKey: 'units.form.editTitle', roles: UNIT_WRITERS },
  },
];
