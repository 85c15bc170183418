/**
 * The web chat: the portal widget and the console's simulator. It receives over its own HTTP
 * routes (see WebChatRoutes) and answers each message in the HTTP answer. Everything else the
 * API says to a web session (staff replies, broadcasts) the API stores, and the session's open
 * event stream picks it up, so `send` has nothing to do and the bot keeps no web state.
 */
import type { BotReply } from '@gcm/domain';
import type { Channel, ChannelLimits, EventSink } from '../channel';
import { WebChatRoutes, type WebChatRoutesOptions } from './web-chat-routes';

export type WebChannelOptions = Omit<WebChatRoutesOptions, 'sink'>;

export class WebChannel implements Channel {
  readonly name = 'web' as const;
  /** Nothing is sent to a platform, so nothing to keep within. */
  readonly limits: ChannelLimits = { perSecond: 1000, perChatPerSecond: 100 };
  /** Mounted by the bot's server: `/`, `/web/widget.js`, `/web/messages`, `/web/sessions/…`. */
  readonly routes: WebChatRoutes;
  private sink?: EventSink;

  constructor(options: WebChannelOptions) {
    this.routes = new WebChatRoutes({ ...options, sink: () => this.sink });
  }

  async start(sink: EventSink): Promise<void> {
    this.sink = sink;
  }

  async stop(): Promise<void> {
    this.sink = undefined;
    this.routes.closeStreams();
  }

  /** Web messages are stored by the API and reach the browser through the event stream. */
  async send(_chatId: string, _replies: BotReply[]): Promise<void> {}
}
