import { DIRECTORY_WRITERS } from '@gcm/domain';
import type { RouteRecordRaw } from 'vue-router';

/**
 * Help where the person is: the support directory the bot's "Tìm nơi hỗ trợ" reads. Everyone
 * signed in reads it; admins and coordinators keep it.
 */
export const helpNearbyRoutes: RouteRecordRaw[] = [
  {
    path: 'help-nearby/contacts',
    name: 'help-nearby-contacts',
    component: () => import('@/views/help-nearby/contacts.vue'),
    meta: {
      titleKey: 'helpNearby.contacts.title',
      nav: { group: 'qa', order: 45, labelKey: 'helpNearby.nav.contacts' },
    },
  },
  {
    path: 'help-nearby/contacts/new',
    name: 'help-nearby-contact-create',
    component: () => import('@/views/help-nearby/contact-form.vue'),
    meta: { titleKey: 'helpNearby.form.createTitle', roles: DIRECTORY_WRITERS },
  },
  {
    path: 'help-nearby/contacts/import',
    name: 'help-nearby-contact-import',
    component: () => import('@/views/help-nearby/contact-import.vue'),
    meta: { titleKey: 'helpNearby.importPage.title', roles: DIRECTORY_WRITERS },
  },
  {
    path: 'help-nearby/contacts/:id/edit',
    name: 'help-nearby-contact-edit',
    component: () => import('@/views/help-nearby/contact-form.vue'),
    props: true,
    meta: { titleKey: 'helpNearby.form.editTitle', roles: DIRECTORY_WRITERS },
  },
  {
    path: 'help-nearby/companies',
    name: 'help-nearby-companies',
    component: () => import('@/views/help-nearby/companies.vue'),
    meta: {
      titleKey: 'helpNearby.companies.title',
      nav: { group: 'qa', order: 46, labelKey: 'helpNearby.nav.companies' },
    },
  },
];
