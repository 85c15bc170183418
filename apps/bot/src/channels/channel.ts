/**
 * The one interface every chat platform implements (Telegram, Zalo, the web chat). Nothing
 * outside an adapter knows which platform it is on: an adapter turns platform updates into
 * neutral events for the API and renders the API's neutral replies for its platform.
 */
export type ChannelName = 'telegram' | 'zalo' | 'web';

/**
 * A reply to show in a chat. Placeholder until the message model (BotEvent, BotReply with
 * buttons and documents) lands in @gcm/domain's messages/; then this re-exports it.
 */
export interface BotReply {
  text: string;
}

export interface Channel {
  readonly name: ChannelName;
  /** Connects (webhook registration or long polling); resolves once ready to receive. */
  start(): Promise<void>;
  /** Stops receiving and lets in-flight sends finish. */
  stop(): Promise<void>;
  /** Delivers one reply to one chat of this channel. */
  send(chatId: string, reply: BotReply): Promise<void>;
}
