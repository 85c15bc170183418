/** A Channel that records what it was asked to send, optionally slowly or failing. */
import type { BotReply } from '@gcm/domain';
import type { Channel, ChannelLimits, ChannelName, EventSink } from '../../src/channels/channel';

export interface SentMessage {
  chatId: string;
  replies: BotReply[];
  /** Date.now() when send was called. */
  at: number;
}

export class RecordingChannel implements Channel {
  readonly sent: SentMessage[] = [];
  /** Return an error to throw it instead of sending. */
  failWith: (chatId: string, replies: BotReply[]) => Error | undefined = () => undefined;
  /** How long each send takes. */
  sendMs = 0;
  sink?: EventSink;

  constructor(
    readonly name: ChannelName = 'telegram',
    readonly limits: ChannelLimits = { perSecond: 1000, perChatPerSecond: 1000 },
  ) {}

  async start(sink: EventSink): Promise<void> {
    this.sink = sink;
  }

  async stop(): Promise<void> {}

  async send(chatId: string, replies: BotReply[]): Promise<void> {
    const at = Date.now();
    const error = this.failWith(chatId, replies);
    if (error) throw error;
    if (this.sendMs) await new Promise((resolve) => setTimeout(resolve, this.sendMs));
    this.sent.push({ chatId, replies, at });
  }
}
