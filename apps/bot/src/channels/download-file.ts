/**
 * Downloads a file a person sent from its chat platform's file server (Telegram's
 * /file/bot<token>/<path>, the URL Zalo gave), at most `maxBytes`. Failures are DeliveryErrors,
 * as the outbox worker reports them: `rejected` when the platform will never give the file
 * (gone, refused, too large), `retry` when it might later (429, 5xx, the network).
 */
import { DeliveryError } from './channel';

export interface DownloadOptions {
  maxBytes: number;
  signal?: AbortSignal;
  /** Give up on a download that takes longer (default 60 s). */
  timeoutMs?: number;
  /** What to call the place in errors (never the URL: Telegram's holds the bot's token). */
  label: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;

export async function downloadFile(url: string, options: DownloadOptions): Promise<Buffer> {
  const { maxBytes, label } = options;
  const signals = [AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)];
  if (options.signal) signals.push(options.signal);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.any(signals), redirect: 'follow' });
  } catch (error) {
    throw new DeliveryError(`${label}: no answer (${reason(error)})`, 'retry');
  }
  if (!response.ok) {
    await response.body?.cancel();
    const status = response.status;
    if (status === 429 || status >= 500 || status === 408) {
      const wait = Number(response.headers.get('retry-after'));
      throw new DeliveryError(
        `${label}: ${status}, to try again later`,
        'retry',
        Number.isFinite(wait) && wait > 0 ? wait : undefined,
      );
    }
    throw new DeliveryError(`${label}: ${status}, the file is gone or refused`, 'rejected');
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(label, maxBytes);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
      if (done) break;
      size += value.length;
      if (size > maxBytes) throw tooLarge(label, maxBytes);
      parts.push(value);
    }
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    if (error instanceof DeliveryError) throw error;
    throw new DeliveryError(`${label}: download cut short (${reason(error)})`, 'retry');
  }
  if (size === 0) throw new DeliveryError(`${label}: the file is empty`, 'rejected');
  return Buffer.concat(parts);
}

function tooLarge(label: string, maxBytes: number): DeliveryError {
  return new DeliveryError(
    `${label}: the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, not kept`,
    'rejected',
  );
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
