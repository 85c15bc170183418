/**
 * A Channel that records what it was asked to send, optionally slowly or failing. Like a real
 * channel it paces its sends with a RateLimiter of its `limits`, and honours the deadline and
 * the signal of each send; each send is one platform message.
 */
import type { BotReply } from '@gcm/domain';
import type {
  Channel,
  ChannelLimits,
  ChannelName,
  EventSink,
  FetchFileOptions,
  SendOptions,
} from '../../src/channels/channel';
import { RateLimiter } from '../../src/channels/rate-limiter';

export interface SentMessage {
  chatId: string;
  replies: BotReply[];
  /** Date.now() when it was sent. */
  at: number;
}

export class RecordingChannel implements Channel {
  readonly sent: SentMessage[] = [];
  /** The options of every send call, in order. */
  readonly options: SendOptions[] = [];
  /** Return an error to throw it instead of sending. */
  failWith: (chatId: string, replies: BotReply[]) => Error | undefined = () => undefined;
  /** How long each send takes. */
  sendMs = 0;
  sink?: EventSink;
  readonly limiter: RateLimiter;
  /** Files people sent, by reference: the bytes, or the error fetching it throws. */
  readonly files = new Map<string, Buffer | Error>();
  /** The references fetched, in order. */
  readonly fetched: string[] = [];

  constructor(
    readonly name: ChannelName = 'telegram',
    readonly limits: ChannelLimits = { perSecond: 1000, perChatPerSecond: 1000 },
  ) {
    this.limiter = new RateLimiter(limits);
  }

  async start(sink: EventSink): Promise<void> {
    this.sink = sink;
  }

  async stop(): Promise<void> {}

  async fetchFile(fileRef: string, _options: FetchFileOptions): Promise<Buffer> {
    this.fetched.push(fileRef);
    const file = this.files.get(fileRef);
    if (file instanceof Error) throw file;
    if (!file) throw new Error(`no file ${fileRef}`);
    return file;
  }

  async send(chatId: string, replies: BotReply[], options: SendOptions = {}): Promise<void> {
    this.options.push(options);
    await this.limiter.deliver(chatId, options, (send) =>
      send(async () => {
        const at = Date.now();
        const error = this.failWith(chatId, replies);
        if (error) throw error;
        if (this.sendMs) await new Promise((resolve) => setTimeout(resolve, this.sendMs));
        this.sent.push({ chatId, replies, at });
      }),
    );
  }
}
