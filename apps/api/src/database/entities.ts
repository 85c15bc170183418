import { AlternateProposalEntity } from '../modules/assistant/alternate-proposal.entity';
import { HandoffItemEntity } from '../modules/assistant/handoff-item.entity';
import { QuestionLogEntity } from '../modules/assistant/question-log.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { ChannelTokensEntity } from '../modules/channel-tokens/channel-tokens.entity';
import {
  CompanyListEntity,
  LicensedCompanyEntity,
} from '../modules/companies/licensed-company.entity';
import { SupportContactEntity } from '../modules/directory/support-contact.entity';
import { ConversationEntity } from '../modules/conversations/conversation.entity';
import { OutboxEntity } from '../modules/messaging/outbox.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { ArticleEntity } from '../modules/knowledge/article.entity';
import { GlossaryTermEntity, SynonymEntity } from '../modules/knowledge/dictionary.entities';
import { FaqVersionEntity } from '../modules/knowledge/faq-version.entity';
import { FaqEntity } from '../modules/knowledge/faq.entity';
import { TopicEntity } from '../modules/knowledge/topic.entity';
import { PlanEntity, PlanGroupEntity } from '../modules/plan/plan.entity';
import { PlanTaskEntity } from '../modules/plan/plan-task.entity';
import { TaskUpdateEntity } from '../modules/plan/task-update.entity';
import { LinkCodeEntity, LinkCodeFailureEntity } from '../modules/linked-accounts/link-code.entity';
import { LinkedAccountEntity } from '../modules/linked-accounts/linked-account.entity';
import {
  ReportPeriodEntity,
  ReportTemplateEntity,
  ReportTemplateVersionEntity,
} from '../modules/reporting/report-template.entity';
import {
  ReportSubmissionEntity,
  SubmissionHistoryEntity,
} from '../modules/reporting/report-submission.entity';
import {
  ReportingSettingsEntity,
  ReportReminderEntity,
} from '../modules/reporting/report-reminder.entity';
import { TipEntity, TipEntryEntity } from '../modules/tips/tip.entity';
import { UnitEntity } from '../modules/units/unit.entity';
import { UserEntity } from '../modules/users/user.entity';

export const ENTITIES = [
  UnitEntity,
  UserEntity,
  SessionEntity,
  AuditEntryEntity,
  TopicEntity,
  FaqEntity,
  FaqVersionEntity,
  ArticleEntity,
  SynonymEntity,
  GlossaryTermEntity,
  QuestionLogEntity,
  HandoffItemEntity,
  AlternateProposalEntity,
  ConversationEntity,
  OutboxEntity,
  ChannelTokensEntity,
  PlanEntity,
  PlanGroupEntity,
  PlanTaskEntity,
  TaskUpdateEntity,
  ReportTemplateEntity,
  ReportTemplateVersionEntity,
  ReportPeriodEntity,
  ReportSubmissionEntity,
  SubmissionHistoryEntity,
  ReportReminderEntity,
  ReportingSettingsEntity,
  LinkCodeEntity,
  LinkCodeFailureEntity,
  LinkedAccountEntity,
  SupportContactEntity,
  CompanyListEntity,
  LicensedCompanyEntity,
  TipEntity,
  TipEntryEntity,
];
