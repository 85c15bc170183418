import type { BotEvent, Channel, ConversationState } from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import type { BatchWrites } from './batch-writes';

/** A conversation row, locked by the batch's transaction until it ends. */
export interface LockedConversation {
  id: string;
  channel: Channel;
  chatId: string;
  state: Partial<ConversationState>;
}

/** One event of a conversation being carried out, inside the batch's transaction. */
export interface Turn {
  manager: EntityManager;
  conversation: LockedConversation;
  /** The conversation's state, changed in place; stored with the batch. */
  state: ConversationState;
  event: BotEvent;
  writes: BatchWrites;
}
