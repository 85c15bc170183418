/**
 * Telegram as the person in the chat sees it, for end-to-end tests of the built bot against
 * the fake Bot API (fake-telegram-server.ts): what reached each chat, as visible text and
 * buttons; webhook deliveries as Telegram makes them; a bot process in webhook mode.
 */
import type { HelpdeskApi } from './helpdesk-api';
import { SERVICE_TOKEN } from './helpdesk-api';
import {
  parseTelegramHtml,
  telegramUpdates,
  type FakeTelegramServer,
  type RecordedCall,
} from './fake-telegram-server';
import { startBuiltBot, type RunningBotProcess } from './run-built-bot';

export const WEBHOOK_SECRET = 'e2e_webhook-Secret_42';

/** One message a chat received. */
export interface Sent {
  method: string;
  /** The text as the person sees it (Telegram HTML parsed). */
  text: string;
  buttons: { text: string; callback_data?: string }[];
  /** When the fake received it (Date.now()). */
  at: number;
}

export function readSent(call: RecordedCall): Sent {
  const raw = typeof call.params.text === 'string' ? call.params.text : '';
  const markup =
    typeof call.params.reply_markup === 'string'
      ? JSON.parse(call.params.reply_markup)
      : call.params.reply_markup;
  const keyboard = (markup as { inline_keyboard?: Sent['buttons'][] } | undefined)?.inline_keyboard;
  return {
    method: call.method,
    text: call.params.parse_mode === 'HTML' ? parseTelegramHtml(raw) : raw,
    buttons: keyboard?.flat() ?? [],
    at: call.at,
  };
}

/** Everything sent to `chatId` so far, in arrival order. */
export function sentTo(telegram: FakeTelegramServer, chatId: number): Sent[] {
  return telegram.sent.filter((c) => String(c.params.chat_id) === String(chatId)).map(readSent);
}

/** Resolves with the chat's messages once it has at least `count`. */
export async function waitForChat(
  telegram: FakeTelegramServer,
  chatId: number,
  count: number,
  timeoutMs = 10_000,
): Promise<Sent[]> {
  await telegram.waitUntil(
    () => sentTo(telegram, chatId).length >= count,
    timeoutMs,
    `${count} message(s) to chat ${chatId}`,
  );
  return sentTo(telegram, chatId);
}

/** Delivers `update` to the bot's webhook as Telegram does, with the secret header. */
/**
 * The updates of the subscription dialog, in order: /dangky, every topic, every locality, the
 * consent. Each presses a button of the previous reply, so send the next after that reply.
 */
export function subscriptionSteps(chat: number) {
  return [
    telegramUpdates.text(chat, '/dangky'),
    telegramUpdates.callback(chat, 'sub:t:all'),
    telegramUpdates.callback(chat, 'sub:l:all'),
    telegramUpdates.callback(chat, 'sub:ok'),
  ];
}

export function postTelegramWebhook(
  bot: RunningBotProcess,
  update: unknown,
  secret = WEBHOOK_SECRET,
): Promise<Response> {
  return fetch(`${bot.url}/webhooks/telegram`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
    },
    body: JSON.stringify(update),
  });
}

/**
 * The built bot with Telegram by webhook (its own URL, WEBHOOK_SECRET) against the fake Bot
 * API, talking to `api` with the service token. `vars` adds or overrides variables.
 */
export function startWebhookBot(
  telegram: FakeTelegramServer,
  api: HelpdeskApi,
  vars: Record<string, string> = {},
): Promise<RunningBotProcess> {
  return startBuiltBot(({ url }) => ({
    API_URL: api.baseUrl,
    BOT_SERVICE_TOKEN: SERVICE_TOKEN,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: `${url}/webhooks/telegram`,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...vars,
  }));
}
