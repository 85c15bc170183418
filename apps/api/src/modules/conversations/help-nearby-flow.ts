import {
  askPlaceReplies,
  BotReply,
  choosePlaceReplies,
  contactsReplies,
  type HelpNearbyIntent,
  localityKey,
  placeNotFoundReplies,
  searchLocalities,
  staleChoiceReplies,
} from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import { contactsServing, topicHasContacts } from '../directory/contacts-serving';
import { escapeLike } from '../users/users.service';
import { isUuid } from './conversation-lists';
import type { Turn } from './turn';

/** Places offered at once: a Telegram or web keyboard stays short, Zalo shows five buttons. */
const PLACES_SHOWN = 4;

/** Words in a text read as a question rather than a place name (left to the matcher). */
const QUESTION_WORDS = 6;

export interface Place {
  id: string;
  name: string;
  parent: string | null;
}

/**
 * "Tìm nơi hỗ trợ": the area the person already gave (a subscription's, or one chosen here
 * before) answers at once; otherwise the bot asks for the commune or ward, finds it by name
 * typed any way, offers the matches, and lists the contacts serving the one chosen.
 * Returns null when a text is not a place name after all but a question (for the matcher).
 */
export async function helpNearbyStep(
  turn: Turn,
  intent: HelpNearbyIntent,
): Promise<BotReply[] | null> {
  const { manager, state } = turn;
  const { locale } = state;
  delete state.companyCheck;
  switch (intent.kind) {
    case 'find_help': {
      const topicId = intent.topicId && isUuid(intent.topicId) ? intent.topicId : null;
      const known = intent.again ? null : await knownPlace(turn);
      if (known) return contacts(manager, locale, known, topicId);
      state.nearby = { topicId };
      return askPlaceReplies(locale);
    }
    case 'find_help_place': {
      const place = isUuid(intent.unitId) ? await placeById(manager, intent.unitId) : null;
      if (!place) return staleChoiceReplies(locale, askPlaceReplies(locale));
      const topicId = state.nearby?.topicId ?? null;
      delete state.nearby;
      state.helpPlaceId = place.id;
      return contacts(manager, locale, place, topicId);
    }
    case 'find_help_text': {
      const places = await placesNamed(manager, intent.text);
      const { matches, more } = searchLocalities(intent.text, places, PLACES_SHOWN);
      if (matches.length === 0) {
        if (intent.text.trim().split(/\s+/).length >= QUESTION_WORDS) {
          delete state.nearby;
          return null;
        }
        return placeNotFoundReplies(locale, intent.text);
      }
      if (matches.length === 1 && !more) {
        const topicId = state.nearby?.topicId ?? null;
        delete state.nearby;
        state.helpPlaceId = matches[0].id;
        return contacts(manager, locale, matches[0], topicId);
      }
      return choosePlaceReplies(
        locale,
        matches.map((p) => ({ id: p.id, label: label(p) })),
        more,
      );
    }
  }
}

/** The topic of a FAQ when support contacts help with it specifically, for its button. */
export async function helpTopicOf(
  manager: EntityManager,
  faqId: string,
): Promise<string | undefined> {
  if (!isUuid(faqId)) return undefined;
  const [faq]: { topic_id: string | null }[] = await manager.query(
    `SELECT topic_id FROM faqs WHERE id = $1`,
    [faqId],
  );
  if (!faq?.topic_id) return undefined;
  return (await topicHasContacts(manager, faq.topic_id)) ? faq.topic_id : undefined;
}

async function contacts(
  manager: EntityManager,
  locale: Turn['state']['locale'],
  place: Place,
  topicId: string | null,
): Promise<BotReply[]> {
  return contactsReplies(locale, place.name, await contactsServing(manager, place.id, topicId));
}

/** "UBND phường Đức Xuân (UBND thành phố Bắc Kạn)": two wards of one name told apart. */
export function label(place: Place): string {
  const text = place.parent ? `${place.name} (${place.parent})` : place.name;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** The area this chat gave already: one chosen here before, else its subscription's. */
async function knownPlace(turn: Turn): Promise<Place | null> {
  const { manager, state, conversation } = turn;
  if (state.helpPlaceId) {
    const place = await placeById(manager, state.helpPlaceId);
    if (place) return place;
    delete state.helpPlaceId;
  }
  const [row]: { locality_id: string }[] = await manager.query(
    `SELECT s.locality_id FROM subscriptions s
     JOIN units u ON u.id = s.locality_id AND u.deleted_at IS NULL
     WHERE s.conversation_id = $1 AND s.cancelled_at IS NULL AND s.locality_id IS NOT NULL
     ORDER BY s.consented_at DESC LIMIT 1`,
    [conversation.id],
  );
  return row ? placeById(manager, row.locality_id) : null;
}

export async function placeById(manager: EntityManager, id: string): Promise<Place | null> {
  const [row]: Place[] = await manager.query(
    `SELECT u.id, u.name, p.name AS parent FROM units u LEFT JOIN units p ON p.id = u.parent_id
     WHERE u.id = $1 AND u.deleted_at IS NULL AND u.kind IN ('commune', 'district')`,
    [id],
  );
  return row ?? null;
}

/**
 * Communes and districts whose name holds every word typed, compared without diacritics by the
 * database (a first sift); searchLocalities then ranks them by whole words.
 */
export async function placesNamed(manager: EntityManager, typed: string): Promise<Place[]> {
  const words = localityKey(typed).split(' ').filter(Boolean).slice(0, 6);
  if (words.length === 0) return [];
  const conditions = words.map(
    (_w, i) => `translate(lower(unaccent(u.name)), 'đ', 'd') LIKE $${i + 1}`,
  );
  return manager.query(
    `SELECT u.id, u.name, p.name AS parent FROM units u LEFT JOIN units p ON p.id = u.parent_id
     WHERE u.deleted_at IS NULL AND u.kind IN ('commune', 'district') AND ${conditions.join(' AND ')}
     ORDER BY u.name LIMIT 200`,
    words.map((w) => `%${escapeLike(w)}%`),
  );
}
