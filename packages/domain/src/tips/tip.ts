import type { Channel } from '../messages/bot-message';

/**
 * Confidential reports (tin báo) of trafficking or illegal brokerage, sent by a person through
 * the bot to the police serving an area. Their content is readable only by the police unit
 * serving the area (see `mayReadTipContent` in the API); other staff see that a report exists.
 */

/**
 * `draft`: being written in the bot (never listed); `new`: sent, nobody has read it; `read`: a
 * police officer opened it; `replied`: the police answered the person through the bot.
 */
export const TIP_STATUSES = ['draft', 'new', 'read', 'replied'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

export const tipStatusLabelsVi: Record<TipStatus, string> = {
  draft: 'Đang soạn',
  new: 'Mới, chưa đọc',
  read: 'Đã đọc',
  replied: 'Đã trả lời',
};

/** What a piece of a report is: what the person wrote, a photo, or a police reply. */
export const TIP_ENTRY_KINDS = ['description', 'addition', 'photo', 'reply'] as const;
export type TipEntryKind = (typeof TIP_ENTRY_KINDS)[number];

export const TIP_LIMITS = {
  /** Characters of one message of the description or an addition. */
  text: 4000,
  /** Messages and photos in one report. */
  entries: 100,
  contact: 200,
  reply: 2000,
  /** Bytes of one photo the API stores (Telegram lets bots download up to 20 MB). */
  photoBytes: 10 * 1024 * 1024,
} as const;

/** The images the API stores for a report, recognised by their first bytes. */
export const TIP_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type TipPhotoType = (typeof TIP_PHOTO_TYPES)[number];

/**
 * Where a report's photo is: `stored` (sealed in the API, GET /tips/:id/photos/:entryId shows
 * it), `pending` (a bot is fetching it from the chat platform), `failed` (the platform no
 * longer had it, it was too large or not a JPEG, PNG or WebP image).
 */
export const TIP_PHOTO_STATES = ['stored', 'pending', 'failed'] as const;
export type TipPhotoState = (typeof TIP_PHOTO_STATES)[number];

/**
 * A reference code's letters: capitals and digits without the ones read alike (0/O, 1/I/L, 5/S,
 * 2/Z, 8/B), so a code read over the phone or copied by hand stays right. 10 of them
 * (25^10 ≈ 10^14) are drawn at random (node:crypto): a code cannot be guessed.
 */
export const TIP_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const TIP_CODE_LENGTH = 10;

/** A code as a person may type it (spaces, dashes, lower case): the stored form, or null. */
export function normaliseTipCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s\-.]/g, '');
  if (code.length !== TIP_CODE_LENGTH) return null;
  for (const ch of code) if (!TIP_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** "ACDE-FGHJ-KM": easier to read and copy. */
export function formatTipCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A report as every staff role sees it: that it exists, never its content. */
export interface TipSummaryResponse {
  id: string;
  code: string;
  area: { id: string; name: string };
  status: TipStatus;
  submittedAt: string;
  /** Whether the caller may read the content (a police officer of the unit serving the area). */
  canRead: boolean;
  /** The content was deleted after the retention period (TIPS_RETENTION_DAYS). */
  contentDeleted: boolean;
}

export interface TipEntryResponse {
  id: string;
  kind: TipEntryKind;
  /** The text (description, addition, reply) or a photo's caption. */
  text: string | null;
  /**
   * A photo: its name and type when the platform gave them, and whether the API has it yet
   * (`state`; when `stored`, `mimeType` is the stored image's and `sizeBytes` its size).
   */
  photo: {
    fileName: string | null;
    mimeType: string | null;
    channel: Channel;
    state: TipPhotoState;
    sizeBytes: number | null;
  } | null;
  /** For a reply: who wrote it. */
  author: { id: string; fullName: string } | null;
  createdAt: string;
}

/** A report's content, for the police serving its area (every read is audited). */
export interface TipDetailResponse extends TipSummaryResponse {
  anonymous: boolean;
  /** How to reach the person, when they left it. */
  contact: string | null;
  channel: Channel | null;
  /** Whether a reply can reach the person (their chat is known and still reachable). */
  canReply: boolean;
  entries: TipEntryResponse[];
}

export interface TipListQuery {
  page?: number;
  pageSize?: number;
  status?: Exclude<TipStatus, 'draft'>;
  /** Reports of this area or the areas under it. */
  areaId?: string;
  /** Only those the caller may read. */
  readable?: boolean;
}

export interface TipReplyRequest {
  text: string;
}
