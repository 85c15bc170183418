import {
  accountReplies,
  alreadyLinkedReplies,
  askLinkCodeReplies,
  BotReply,
  confirmUnlinkReplies,
  Intent,
  linkedReplies,
  linkTexts,
  linkRefusedReplies,
  readLinkCode,
} from '@gcm/domain';
import type { Turn } from './turn';
import type { UnitAccounts } from './unit-ports';

type LinkIntent = Extract<Intent, { kind: 'link' | 'unlink' | 'account' }>;

/**
 * `/lienket CODE` (or the button, then the code): redeems the one-time code for this chat
 * account and shows the officer's name and unit, with the undo button. A malformed or wrong
 * code may be typed again; a code used, expired or revoked says so and ends the step.
 * `/huylienket` asks before it undoes the link.
 */
export async function linkStep(
  turn: Turn,
  intent: LinkIntent,
  accounts: UnitAccounts,
): Promise<BotReply[]> {
  const { manager, state, event, conversation } = turn;
  const { channel, chatId } = conversation;
  const { locale } = state;
  // The web chat has no lasting identity: it links nothing.
  const current = channel === 'web' ? null : await accounts.find(manager, channel, chatId);
  switch (intent.kind) {
    case 'account':
      return accountReplies(current, locale);
    case 'unlink':
      if (!current) return accountReplies(null, locale);
      if (!intent.confirmed) return confirmUnlinkReplies(current, locale);
      await accounts.unlink(manager, channel, chatId);
      delete state.report;
      delete state.taskUpdate;
      return [{ type: 'text', text: linkTexts(locale).unlinked, format: 'markdown' }];
    case 'link': {
      if (current) {
        delete state.awaitingLinkCode;
        return alreadyLinkedReplies(current, locale);
      }
      if (intent.code === undefined) {
        state.awaitingLinkCode = true;
        return askLinkCodeReplies(locale);
      }
      const code = readLinkCode(intent.code);
      if (!code) {
        state.awaitingLinkCode = true;
        return linkRefusedReplies('malformed', locale);
      }
      const outcome = await accounts.redeem(manager, code, channel, chatId, event.user.displayName);
      if (!outcome.ok) {
        // A wrong code may be a typing slip: the next message is read as a code again.
        if (outcome.reason === 'unknown') state.awaitingLinkCode = true;
        else delete state.awaitingLinkCode;
        return linkRefusedReplies(outcome.reason, locale);
      }
      delete state.awaitingLinkCode;
      return linkedReplies(outcome.account, locale);
    }
  }
}
