import type { BroadcastAudienceQuery, CreateBroadcastRequest } from '@gcm/domain';
import { api } from './client';

export const listBroadcasts = (query: { page?: number; pageSize?: number }) =>
  api.broadcasts.list(query);
export const createBroadcast = (body: CreateBroadcastRequest) => api.broadcasts.create(body);
/** Published articles and warnings: warnings to compose from, titles for the list. */
export const listPublishedArticles = () =>
  api.knowledge.articles({ status: 'published', pageSize: 100 });
export const listTopics = () => api.knowledge.topics();
export const broadcastAudience = (query: BroadcastAudienceQuery) => api.broadcasts.audience(query);
export const createWarning = (title: string, body: string, topicId?: string) =>
  api.knowledge.createArticle({
    kind: 'warning',
    title,
    body,
    topicId: topicId ?? null,
    status: 'published',
  });
