import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { KnowledgeBase1763990000000 } from './1763990000000-knowledge-base';
import { ConversationsAndOutbox1764000000000 } from './1764000000000-conversations-and-outbox';
import { ChannelTokens1765000000000 } from './1765000000000-channel-tokens';
import { BotUpdatesReceivedIndex1765100000000 } from './1765100000000-bot-updates-received-index';
import { OutboxClaims1765200000000 } from './1765200000000-outbox-claims';
import { OutboxSentParts1765300000000 } from './1765300000000-outbox-sent-parts';
import { QuestionLogConversation1765600000000 } from './1765600000000-question-log-conversation';
import { Plan1765400000000 } from './1765400000000-plan';
import { Reporting1765500000000 } from './1765500000000-reporting';
import { AnswersPeopleCanTrust1765700000000 } from './1765700000000-answers-people-can-trust';
import { HandoffAssignee1765800000000 } from './1765800000000-handoff-assignee';
import { FaqReviewDate1765900000000 } from './1765900000000-faq-review-date';
import { PeriodReminders1766000000000 } from './1766000000000-period-reminders';
import { SupportContacts1766100000000 } from './1766100000000-support-contacts';
import { LicensedCompanies1766100000001 } from './1766100000001-licensed-companies';
import { WebhookRepliesKept1766200000000 } from './1766200000000-webhook-replies-kept';
import { OutboxUnreachable1766600000000 } from './1766600000000-outbox-unreachable';
import { Tips1766800000000 } from './1766800000000-tips';
import { TipPhotos1766900000000 } from './1766900000000-tip-photos';
import { TipNotices1766950000000 } from './1766950000000-tip-notices';
import { AnswerDisputes1767000000000 } from './1767000000000-answer-disputes';
import { QuestionChance1767100000000 } from './1767100000000-question-chance';
import { UrgentHandoffs1767200000000 } from './1767200000000-urgent-handoffs';
import { UrgentNotices1767300000000 } from './1767300000000-urgent-notices';

/** Every migration, oldest first. Add new ones here (classes, not globs: src and dist alike). */
export const MIGRATIONS = [
  InitialSchema1763900000000,
  KnowledgeBase1763990000000,
  ConversationsAndOutbox1764000000000,
  ChannelTokens1765000000000,
  BotUpdatesReceivedIndex1765100000000,
  OutboxClaims1765200000000,
  OutboxSentParts1765300000000,
  Plan1765400000000,
  Reporting1765500000000,
  QuestionLogConversation1765600000000,
  AnswersPeopleCanTrust1765700000000,
  HandoffAssignee1765800000000,
  FaqReviewDate1765900000000,
  PeriodReminders1766000000000,
  SupportContacts1766100000000,
  LicensedCompanies1766100000001,
  WebhookRepliesKept1766200000000,
  OutboxUnreachable1766600000000,
  Tips1766800000000,
  TipPhotos1766900000000,
  TipNotices1766950000000,
  AnswerDisputes1767000000000,
  QuestionChance1767100000000,
  UrgentHandoffs1767200000000,
  UrgentNotices1767300000000,
];
