import type { QuestionLogQuery } from '@gcm/domain';
import { api } from './client';

export const listQuestions = (query: QuestionLogQuery) => api.assistant.questions(query);
