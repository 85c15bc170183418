import type { TipListQuery } from '@gcm/domain';
import { api } from './client';

/** Confidential reports (Tin báo): existence for every role, content for the police of the area. */
export const listTips = (query: TipListQuery) => api.tips.list(query);
/** Reads a report's content; the API records the read in the audit log. */
export const readTip = (id: string) => api.tips.read(id);
export const replyToTip = (id: string, text: string) => api.tips.reply(id, text);
/** A stored photo of a report, as a Blob (each view is audited). */
export const tipPhoto = (id: string, entryId: string) => api.tips.photo(id, entryId);
