import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../common/logger';
import { RecordingChannel } from '../../test/support/recording-channel';
import type { EventSink } from './channel';
import { startChannel } from './start-channel';

const sink: EventSink = { handle: async () => ({ replies: [] }) };

describe('startChannel', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts the channel with the sink', async () => {
    const channel = new RecordingChannel('telegram');

    await expect(
      startChannel(channel, sink, silentLogger, new AbortController().signal),
    ).resolves.toBe(true);
    expect(channel.sink).toBe(sink);
  });

  it('keeps trying in the background until the channel starts', async () => {
    vi.useFakeTimers();
    const channel = new RecordingChannel('telegram');
    const start = vi
      .spyOn(channel, 'start')
      .mockRejectedValueOnce(new Error('getaddrinfo ENOTFOUND'))
      .mockRejectedValueOnce(new Error('getaddrinfo ENOTFOUND'));

    const first = await startChannel(channel, sink, silentLogger, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(5_000 + 10_000);

    expect(first).toBe(false);
    expect(start).toHaveBeenCalledTimes(3);
  });

  it('stops trying when the bot stops', async () => {
    vi.useFakeTimers();
    const channel = new RecordingChannel('telegram');
    const start = vi.spyOn(channel, 'start').mockRejectedValue(new Error('down'));
    const stopping = new AbortController();

    await startChannel(channel, sink, silentLogger, stopping.signal);
    stopping.abort();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(start).toHaveBeenCalledTimes(1);
  });
});
