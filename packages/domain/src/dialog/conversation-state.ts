import type { BotLocale } from '../messages/bot-message';
import type { HelpNearbyState } from './help-nearby';
import type { ReportCursor } from './report-flow';
import type { TaskUpdateDraft } from './task-update-flow';
import type { TipDraftState } from './tip-flow';

/**
 * What the API remembers of a conversation between two messages (stored as JSON beside the
 * conversation). Small on purpose: the rest (messages, questions, inbox items) has tables.
 */
export interface ConversationState {
  locale: BotLocale;
  /** `handoff`: a staff member is (to be) talking; the person's messages go to the inbox item. */
  mode: 'idle' | 'handoff';
  handoffId?: string;
  /**
   * The language of the replies that opened the handoff, when not `locale`: a question read in
   * English is answered in English whatever `locale` says, and what the bot says while staff
   * have it ("Noted…") stays in that language.
   */
  handoffLocale?: BotLocale;
  /** A subscription being set up: the topic chosen, waiting for the locality and consent. */
  subscription?: { topicId: string | null; localityId?: string | null };
  /** "Tìm nơi hỗ trợ": the bot waits for the name of the person's commune or ward. */
  nearby?: HelpNearbyState;
  /** The area the person chose for "Tìm nơi hỗ trợ": not asked again. */
  helpPlaceId?: string;
  /** "Kiểm tra doanh nghiệp": the next text is a company's name or licence number. */
  companyCheck?: { lastTyped?: string };
  /** The "link" button was pressed: the next text is read as a link code. */
  awaitingLinkCode?: boolean;
  /** A progress update on a plan task being written (a linked account's `/capnhat`). */
  taskUpdate?: TaskUpdateDraft;
  /** A report being filled in (`/baocao`): where the person is; the values live in the API. */
  report?: ReportCursor;
  /**
   * "Báo tin": a report to the police being written, or information being added to one sent.
   * Only ids and the step: everything the person gives is stored sealed in the API at once.
   */
  tip?: TipDraftState;
  /** Words such as "tố giác" were typed: the bot asked whether to report; the text, until answered. */
  tipOffer?: { text: string };
  /** The question the last choices were offered for: a pick among them proposes it as an alternate. */
  choices?: { questionLogId: string; text: string };
  /** Flood control: start of the current minute window and messages in it. */
  window?: { startedAt: number; count: number };
}

export const INITIAL_STATE: ConversationState = { locale: 'vi', mode: 'idle' };

/** Messages per minute from one chat before the bot asks the person to slow down. */
export const FLOOD_LIMIT_PER_MINUTE = 20;

/** Counts a message in the flood window; returns the new window and whether the limit is passed. */
export function countMessage(
  window: ConversationState['window'],
  now: number,
): { window: NonNullable<ConversationState['window']>; flooded: boolean } {
  const current = window && now - window.startedAt < 60_000 ? window : { startedAt: now, count: 0 };
  const next = { startedAt: current.startedAt, count: current.count + 1 };
  return { window: next, flooded: next.count > FLOOD_LIMIT_PER_MINUTE };
}

/** Leaves any unit flow (link code, task update, report) under way; a report's draft stays saved. */
export function leaveUnitFlows(state: ConversationState): void {
  delete state.awaitingLinkCode;
  delete state.taskUpdate;
  delete state.report;
}
