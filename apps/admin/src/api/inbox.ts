import type { HandoffStatus, UpdateHandoffRequest } from '@gcm/domain';
import { api } from './client';

export const listHandoffs = (query: { status?: HandoffStatus; page?: number; pageSize?: number }) =>
  api.assistant.handoffs(query);
export const handoffTranscript = (id: string) => api.assistant.handoffMessages(id);
export const replyToHandoff = (id: string, text: string) => api.assistant.reply(id, { text });
export const setHandoffStatus = (id: string, status: HandoffStatus) =>
  api.assistant.setHandoffStatus(id, status);
export const updateHandoff = (id: string, body: UpdateHandoffRequest) =>
  api.assistant.updateHandoff(id, body);
export const listAssignees = () => api.assistant.handoffAssignees();
