import { QUESTION_LOG_READERS } from '@gcm/domain';
import type { RouteRecordRaw } from 'vue-router';

/** Every question people asked, with what the bot did and the 👍/👎 it got. */
export const questionRoutes: RouteRecordRaw[] = [
  {
    path: 'questions',
    name: 'question-log',
    component: () => import('@/views/question-log/index.vue'),
    meta: {
      titleKey: 'questions.title',
      roles: QUESTION_LOG_READERS,
      nav: { group: 'qa', order: 20, labelKey: 'nav.questionLog' },
    },
  },
];
