/**
 * What a failed Bot API call means for delivery: try again later (rate limit, Telegram or network
 * trouble, the bot's own token rejected) or give up on this message (blocked, unknown chat, a
 * request Telegram will never accept).
 */
import { TelegramError } from 'telegraf';
import { DeliveryError } from '../channel';

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof TelegramError) {
    const { code, description } = error;
    const method = (error.on as { method?: string } | undefined)?.method ?? 'call';
    const message = `Telegram ${method}: ${code} ${description}`;
    if (code === 429) {
      const retryAfter = error.parameters?.retry_after;
      return new DeliveryError(
        message,
        'retry',
        typeof retryAfter === 'number' ? retryAfter : undefined,
      );
    }
    // 5xx: Telegram's trouble. 401/404: the bot's token or API root is wrong — the message is
    // fine and goes out once the configuration is fixed.
    if (code >= 500 || code === 401 || code === 404) return new DeliveryError(message, 'retry');
    // 403 (bot blocked, user deactivated, kicked), 400 (chat not found, bad request): for good.
    return new DeliveryError(message, 'permanent');
  }
  // Network: refused, reset, timed out, DNS — or anything else we did not foresee.
  const reason = error instanceof Error ? error.message : String(error);
  return new DeliveryError(`Telegram unreachable: ${reason}`, 'retry');
}
