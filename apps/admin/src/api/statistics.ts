import type { QuestionStatisticsQuery } from '@gcm/domain';
import { api } from './client';

export const getQuestionStatistics = (query: QuestionStatisticsQuery) =>
  api.statistics.questions(query);
