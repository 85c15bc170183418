import type { BotLocale, Channel } from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import type { Turn } from './turn';

/**
 * Topics offered in the menu and the subscription list, in the language's alphabetical order.
 * A Telegram inline keyboard takes at most 100 buttons, and those lists add two of their own
 * (staff; all topics and cancel); the web chat shows them all and Zalo five a message.
 */
export const MAX_MENU_TOPICS = 90;

/**
 * Zalo shows at most five buttons under a message, and each further message of a long list
 * takes a second of the chat's rate: its topic menu goes in pages of 5 (two messages with the
 * "more", "Tìm nơi hỗ trợ", "Kiểm tra doanh nghiệp", "Báo tin cho Công an" and staff buttons), and its subscription list offers the first 13 topics besides "all
 * topics" (three messages).
 */
export const MENU_PAGE_SIZE: Record<Channel, number> = {
  telegram: MAX_MENU_TOPICS,
  web: MAX_MENU_TOPICS,
  zalo: 5,
};
/**
 * Whether a channel's buttons wrap long labels: the web chat's do, so FAQ questions go whole on
 * their buttons; Telegram and Zalo show about a line, so long ones are cut and listed whole above.
 */
export const WHOLE_LABELS: Record<Channel, boolean> = {
  telegram: false,
  web: true,
  zalo: false,
};
const SUBSCRIPTION_TOPICS: Record<Channel, number> = {
  telegram: MAX_MENU_TOPICS,
  web: MAX_MENU_TOPICS,
  zalo: 13,
};

const COLLATORS: Record<BotLocale, Intl.Collator> = {
  vi: new Intl.Collator('vi'),
  en: new Intl.Collator('en'),
};

export const TOPIC_EXISTS = `SELECT 1 FROM topics WHERE id = $1`;
/** The areas offered for a subscription: districts and communes not deleted. */
export const LOCALITY_EXISTS = `SELECT 1 FROM units WHERE id = $1 AND deleted_at IS NULL AND kind IN ('district', 'commune')`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

/** Whether a button's id names a row: a malformed id names none (and never reaches SQL). */
export async function exists(manager: EntityManager, query: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return (await manager.query(query, [id])).length > 0;
}

/** The topics with a published FAQ, in the person's language and its alphabetical order. */
export async function topics({ manager, state }: Turn): Promise<{ id: string; name: string }[]> {
  const { locale } = state;
  const rows: { id: string; name: string; name_en: string | null }[] = await manager.query(
    `SELECT t.id, t.name, t.name_en FROM topics t
     WHERE EXISTS (SELECT 1 FROM faqs f WHERE f.topic_id = t.id AND f.status = 'published')`,
  );
  // Sorted here, not by the database: PGlite has no ICU collations, and the server's default
  // one may not know that Đ comes right after D.
  const collator = COLLATORS[locale];
  return rows
    .map((r) => ({ id: r.id, name: (locale === 'en' && r.name_en) || r.name }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .slice(0, MAX_MENU_TOPICS);
}

/** The topics a subscription can choose from on this turn's channel. */
export async function subscriptionTopics(turn: Turn): Promise<{ id: string; name: string }[]> {
  return (await topics(turn)).slice(0, SUBSCRIPTION_TOPICS[turn.conversation.channel]);
}

/** A topic's newest published FAQs (8), in the person's language. */
export async function topicFaqs(
  manager: EntityManager,
  topicId: string,
  locale: BotLocale,
): Promise<{ id: string; question: string }[]> {
  const rows = await manager.query(
    `SELECT id, question, question_en FROM faqs WHERE topic_id = $1 AND status = 'published' ORDER BY updated_at DESC LIMIT 8`,
    [topicId],
  );
  return rows.map((r: { id: string; question: string; question_en: string | null }) => ({
    id: r.id,
    question: (locale === 'en' && r.question_en) || r.question,
  }));
}

/** The areas a subscription can choose from (10, districts first). */
export function localities(manager: EntityManager): Promise<{ id: string; name: string }[]> {
  return manager.query(
    `SELECT id, name FROM units WHERE kind IN ('district', 'commune') AND deleted_at IS NULL ORDER BY kind, name LIMIT 10`,
  );
}
