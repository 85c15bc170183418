import { BOT_EVENT_LIMITS } from '../messages/bot-message';

/** Where a progress update came from: a REST client, the console, or the bot on a chat platform. */
export const TASK_UPDATE_CHANNELS = ['api', 'console', 'telegram', 'zalo'] as const;
export type TaskUpdateChannel = (typeof TASK_UPDATE_CHANNELS)[number];

export const taskUpdateChannelLabelsVi: Record<TaskUpdateChannel, string> = {
  api: 'API',
  console: 'Trang quản trị',
  telegram: 'Telegram',
  zalo: 'Zalo',
};

export const ATTACHMENT_KINDS = ['photo', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const attachmentKindLabelsVi: Record<AttachmentKind, string> = {
  photo: 'Ảnh',
  document: 'Tài liệu',
};

/**
 * Limits of a progress update. A file from a chat platform is kept as the platform's reference
 * (Telegram file_id, Zalo URL), like a file a citizen sends (BotEvent `file`), so the file name,
 * MIME type and reference take the same lengths; a file uploaded to the API is stored, up to
 * `fileBytes` (and within the API's request-body limit).
 */
export const TASK_UPDATE_LIMITS = {
  text: 4000,
  fileName: BOT_EVENT_LIMITS.fileName,
  mimeType: BOT_EVENT_LIMITS.mimeType,
  fileRef: BOT_EVENT_LIMITS.fileRef,
  fileBytes: 5 * 1024 * 1024,
} as const;

/** `type/subtype`, as in a Content-Type header, without parameters. */
export const MIME_TYPE_PATTERN =
  /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/i;
