import {
  botText,
  BotReply,
  Intent,
  sayReplies,
  staleChoiceReplies,
  subscribeConsentReplies,
  subscribeLocalityReplies,
  subscribeTopicReplies,
} from '@gcm/domain';
import {
  exists,
  localities,
  LOCALITY_EXISTS,
  subscriptionTopics,
  TOPIC_EXISTS,
} from './conversation-lists';
import type { Turn } from './turn';

type SubscriptionIntent = Extract<
  Intent,
  {
    kind:
      'subscribe' | 'subscribe_topic' | 'subscribe_locality' | 'subscribe_confirm' | 'unsubscribe';
  }
>;

const SUBSCRIPTION_KINDS = new Set<Intent['kind']>([
  'subscribe',
  'subscribe_topic',
  'subscribe_locality',
  'subscribe_confirm',
  'unsubscribe',
]);

export function isSubscriptionIntent(intent: Intent): intent is SubscriptionIntent {
  return SUBSCRIPTION_KINDS.has(intent.kind);
}

/**
 * Subscribing to warnings: a topic (or all), then an area (or all), then explicit consent, whose
 * text is stored with the subscription; `/huy` cancels. The choice so far is kept in the
 * conversation's state. Ids from buttons are checked at each step and again at consent, so a
 * stale button never widens a subscription.
 */
export async function subscriptionStep(
  turn: Turn,
  intent: SubscriptionIntent,
): Promise<BotReply[]> {
  const { manager, state, conversation } = turn;
  const { locale } = state;
  // Broadcasts reach Zalo and Telegram only: the web chat says so instead of subscribing.
  if (conversation.channel === 'web') {
    delete state.subscription;
    if (intent.kind === 'unsubscribe') await cancelSubscriptions(turn);
    return sayReplies(locale, 'alertsElsewhere');
  }
  switch (intent.kind) {
    case 'subscribe':
      return subscribeTopicReplies(locale, await subscriptionTopics(turn));
    case 'subscribe_topic':
      if (intent.topicId && !(await exists(manager, TOPIC_EXISTS, intent.topicId))) {
        delete state.subscription;
        return staleChoiceReplies(
          locale,
          subscribeTopicReplies(locale, await subscriptionTopics(turn)),
        );
      }
      state.subscription = { topicId: intent.topicId };
      return subscribeLocalityReplies(locale, await localities(manager));
    case 'subscribe_locality':
      // An area chosen without a topic first (an old button) starts the choice over: the
      // subscription must not fall back to every topic.
      if (!state.subscription) return subscribeTopicReplies(locale, await subscriptionTopics(turn));
      if (intent.localityId && !(await exists(manager, LOCALITY_EXISTS, intent.localityId))) {
        return staleChoiceReplies(
          locale,
          subscribeLocalityReplies(locale, await localities(manager)),
        );
      }
      state.subscription = { topicId: state.subscription.topicId, localityId: intent.localityId };
      return subscribeConsentReplies(locale);
    case 'subscribe_confirm':
      return confirm(turn);
    case 'unsubscribe':
      return sayReplies(
        locale,
        (await cancelSubscriptions(turn)) ? 'unsubscribed' : 'notSubscribed',
      );
  }
}

async function confirm(turn: Turn): Promise<BotReply[]> {
  const { manager, state, conversation } = turn;
  const chosen = state.subscription;
  if (!chosen || chosen.localityId === undefined)
    return subscribeTopicReplies(state.locale, await subscriptionTopics(turn));
  // The topic or area may have been deleted since it was chosen: choose again rather than
  // subscribe to every topic or area.
  const gone =
    (chosen.topicId && !(await exists(manager, TOPIC_EXISTS, chosen.topicId))) ||
    (chosen.localityId && !(await exists(manager, LOCALITY_EXISTS, chosen.localityId)));
  if (gone) {
    delete state.subscription;
    return staleChoiceReplies(
      state.locale,
      subscribeTopicReplies(state.locale, await subscriptionTopics(turn)),
    );
  }
  await manager.query(
    `INSERT INTO subscriptions (conversation_id, topic_id, locality_id, consent_text)
     VALUES ($1, $2, $3, $4)`,
    [conversation.id, chosen.topicId, chosen.localityId, botText(state.locale, 'subscribeConsent')],
  );
  delete state.subscription;
  return sayReplies(state.locale, 'subscribed');
}

/** Cancels the conversation's subscriptions; whether there were any. */
async function cancelSubscriptions({ manager, conversation }: Turn): Promise<boolean> {
  // In a SELECT: TypeORM answers a bare UPDATE … RETURNING as [rows, count], never empty.
  const cancelled = await manager.query(
    `WITH cancelled AS (
       UPDATE subscriptions SET cancelled_at = now() WHERE conversation_id = $1 AND cancelled_at IS NULL RETURNING id
     ) SELECT id FROM cancelled`,
    [conversation.id],
  );
  return cancelled.length > 0;
}
