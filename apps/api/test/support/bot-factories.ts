import request from 'supertest';
import type { BotEvent } from '@gcm/domain';

export const BOT_TOKEN = 'test-bot-service-token-0123456789abcdef';

let updates = 0;

/** A text event from one Telegram chat; each call a new update id unless given. */
export function textEvent(chatId: string, text: string, updateId = `u${++updates}`): BotEvent {
  return {
    channel: 'telegram',
    updateId,
    chatId,
    user: { id: chatId, displayName: 'Người dân' },
    type: 'text',
    text,
  };
}

export function actionEvent(chatId: string, action: string): BotEvent {
  return {
    channel: 'telegram',
    updateId: `u${++updates}`,
    chatId,
    user: { id: chatId },
    type: 'action',
    action,
  };
}

export function commandEvent(chatId: string, command: string, argument?: string): BotEvent {
  return {
    channel: 'telegram',
    updateId: `u${++updates}`,
    chatId,
    user: { id: chatId },
    type: 'command',
    command,
    ...(argument ? { argument } : {}),
  };
}

/** Posts an event as the bot does, with the service token. */
export function postEvent(url: string, event: BotEvent, token = BOT_TOKEN) {
  return request(url)
    .post('/api/v1/bot/events')
    .set('Authorization', `Bearer ${token}`)
    .send(event);
}

/** Posts events as one batch, as the bot does when busy. */
export function postEvents(url: string, events: BotEvent[], token = BOT_TOKEN) {
  return request(url)
    .post('/api/v1/bot/events/batch')
    .set('Authorization', `Bearer ${token}`)
    .send({ events });
}

export function botRequest(url: string) {
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${BOT_TOKEN}`);
  return {
    claim: (body: object) => auth(request(url).post('/api/v1/bot/outbox/claim')).send(body),
    /** Reports on a claimed item, under the claim it was handed out with. */
    report: (item: { id: string; claimId: string }, body: object) =>
      auth(request(url).post(`/api/v1/bot/outbox/${item.id}/result`)).send({
        claimId: item.claimId,
        ...body,
      }),
    messages: (channel: string, chatId: string, after = 0) =>
      auth(request(url).get(`/api/v1/bot/conversations/${channel}/${chatId}/messages`)).query({
        after,
      }),
    tokens: (channel: string) => auth(request(url).get(`/api/v1/bot/channels/${channel}/tokens`)),
    saveTokens: (channel: string, body: object) =>
      auth(request(url).put(`/api/v1/bot/channels/${channel}/tokens`)).send(body),
    /** The platform's reference of a file to fetch (outbox `fetch_file`). */
    fileSource: (key: string) => auth(request(url).get(`/api/v1/bot/files/${key}`)),
    /** Uploads a fetched file's bytes, as the bot does. */
    uploadFile: (key: string, bytes: Buffer, type = 'application/octet-stream') =>
      auth(request(url).put(`/api/v1/bot/files/${key}`))
        .set('Content-Type', type)
        .send(bytes),
  };
}

/** The text of every reply, for assertions. */
export function texts(body: { replies: { type: string; text?: string }[] }): string[] {
  return body.replies.map((r) => r.text ?? '');
}

/** The actions of every button of a reply list. */
export function actions(body: { replies: { buttons?: { action: string }[][] }[] }): string[] {
  return body.replies.flatMap((r) => (r.buttons ?? []).flat().map((b) => b.action));
}
