/** Reads a Server-Sent Events stream with fetch, collecting its events for assertions. */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

export interface SseClient {
  status: number;
  headers: Headers;
  events: SseEvent[];
  /** Every raw line received (comments such as heartbeats included). */
  lines: string[];
  close(): void;
}

export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const client: SseClient = {
    status: response.status,
    headers: response.headers,
    events: [],
    lines: [],
    close: () => controller.abort(),
  };
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    return client;
  }
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    let current: Partial<SseEvent> & { data?: string } = {};
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          client.lines.push(line);
          if (line === '') {
            if (current.data !== undefined) client.events.push(current as SseEvent);
            current = {};
          } else if (line.startsWith('data: ')) {
            current.data = (current.data === undefined ? '' : `${current.data}\n`) + line.slice(6);
          } else if (line.startsWith('id: ')) {
            current.id = line.slice(4);
          } else if (line.startsWith('event: ')) {
            current.event = line.slice(7);
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return client;
}
