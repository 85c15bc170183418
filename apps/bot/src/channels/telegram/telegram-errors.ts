/**
 * What a failed Bot API call means for delivery: try again later (rate limit, Telegram or network
 * trouble, the bot's own token rejected), give up on the chat (blocked, unknown chat), or give up
 * on this message alone (a request Telegram will never accept: the chat stays reachable).
 */
import { TelegramError } from 'telegraf';
import { DeliveryError } from '../channel';

/** A 400 that is about the chat, not the message: Telegram's descriptions for those. */
const CHAT_GONE =
  /chat not found|user not found|peer_id_invalid|chat_write_forbidden|have no rights to send|not enough rights to send|upgraded to a supergroup|user is deactivated|bot was kicked|bot is not a member/i;

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
        // Sending to this chat too fast (Telegram's per-chat limit): hold the chat.
        'chat',
      );
    }
    // 5xx: Telegram's trouble. 401/404: the bot's token or API root is wrong — the message is
    // fine and goes out once the configuration is fixed.
    if (code >= 500 || code === 401 || code === 404) return new DeliveryError(message, 'retry');
    // 403 (bot blocked, user deactivated, kicked) and a 400 about the chat: the person cannot be
    // reached. Any other 400 is about this message (text too long, bad HTML, a bad button): it
    // fails alone, and the chat stays reachable.
    if (code === 400 && !CHAT_GONE.test(description)) {
      return new DeliveryError(message, 'rejected');
    }
    return new DeliveryError(message, 'permanent');
  }
  // Network: refused, reset, timed out, DNS — or anything else we did not foresee.
  const reason = error instanceof Error ? error.message : String(error);
  return new DeliveryError(`Telegram unreachable: ${reason}`, 'retry');
}
