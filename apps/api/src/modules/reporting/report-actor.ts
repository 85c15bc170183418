import type { ReportChannel, Role } from '@gcm/domain';
import type { Actor } from '../../common/decorators/access.decorators';
import type { LinkedChatAccount } from '../linked-accounts/linked-accounts.service';

/**
 * Who changes a report and through which channel: a signed-in user on the console or the API,
 * or a unit's officer through a linked chat account (`chatActor`).
 */
export interface ReportActor {
  user: { id: string; email: string; role: Role; unitId: string | null };
  ip: string | null;
  channel: ReportChannel;
}

export function httpActor(actor: Actor, channel: ReportChannel = 'api'): ReportActor {
  return { user: actor.user, ip: actor.ip, channel };
}

/**
 * The actor for a linked chat account: its staff user, reporting for the account's unit, on the
 * account's channel. The dialogs check `account.active` first.
 */
export function chatActor(account: LinkedChatAccount): ReportActor {
  return {
    user: {
      id: account.user.id,
      email: account.user.email,
      role: account.user.role,
      unitId: account.unit.id,
    },
    ip: null,
    channel: account.channel,
  };
}
