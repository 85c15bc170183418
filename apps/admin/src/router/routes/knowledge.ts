import { KNOWLEDGE_WRITERS } from '@gcm/domain';
import type { RouteRecordRaw } from 'vue-router';

/**
 * The knowledge base: FAQs with their editor and history, trying a question, proposed
 * phrasings, topics, dictionary, articles, import and export. Everyone signed in reads; the
 * pages that only write are for editors and admins. Every page is loaded when first opened.
 */
export const knowledgeRoutes: RouteRecordRaw[] = [
  {
    path: 'knowledge/faqs',
    name: 'knowledge-faqs',
    component: () => import('@/views/knowledge/faq-list.vue'),
    meta: {
      titleKey: 'knowledge.faqs.title',
      nav: { group: 'qa', order: 30, labelKey: 'knowledge.nav' },
    },
  },
  {
    path: 'knowledge/faqs/new',
    name: 'knowledge-faq-create',
    component: () => import('@/views/knowledge/faq-editor.vue'),
    meta: { titleKey: 'knowledge.faqForm.createTitle', roles: KNOWLEDGE_WRITERS },
  },
  {
    path: 'knowledge/faqs/:id',
    name: 'knowledge-faq-edit',
    component: () => import('@/views/knowledge/faq-editor.vue'),
    props: true,
    meta: { titleKey: 'knowledge.faqForm.editTitle' },
  },
  {
    path: 'knowledge/try',
    name: 'knowledge-try',
    component: () => import('@/views/knowledge/try-question.vue'),
    meta: { titleKey: 'knowledge.try.title' },
  },
  {
    path: 'knowledge/proposals',
    name: 'knowledge-proposals',
    component: () => import('@/views/knowledge/proposals.vue'),
    meta: { titleKey: 'knowledge.proposals.title', roles: KNOWLEDGE_WRITERS },
  },
  {
    path: 'knowledge/topics',
    name: 'knowledge-topics',
    component: () => import('@/views/knowledge/topics.vue'),
    meta: { titleKey: 'knowledge.topics.title' },
  },
  {
    path: 'knowledge/dictionary',
    name: 'knowledge-dictionary',
    component: () => import('@/views/knowledge/dictionary.vue'),
    meta: { titleKey: 'knowledge.dictionary.title' },
  },
  {
    path: 'knowledge/articles',
    name: 'knowledge-articles',
    component: () => import('@/views/knowledge/articles.vue'),
    meta: { titleKey: 'knowledge.articles.title' },
  },
  {
    path: 'knowledge/articles/new',
    name: 'knowledge-article-create',
    component: () => import('@/views/knowledge/article-editor.vue'),
    meta: { titleKey: 'knowledge.articles.createTitle', roles: KNOWLEDGE_WRITERS },
  },
  {
    path: 'knowledge/articles/:id',
    name: 'knowledge-article-edit',
    component: () => import('@/views/knowledge/article-editor.vue'),
    props: true,
    meta: { titleKey: 'knowledge.articles.editTitle' },
  },
  {
    path: 'knowledge/transfer',
    name: 'knowledge-transfer',
    component: () => import('@/views/knowledge/transfer.vue'),
    meta: { titleKey: 'knowledge.transfer.title', roles: KNOWLEDGE_WRITERS },
  },
];
