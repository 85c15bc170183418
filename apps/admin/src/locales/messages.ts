/**
 * The console's messages, one JSON file per feature and locale. Vietnamese is the source
 * language; the labels of roles and unit kinds, the error messages and why a password is
 * refused (in both languages) come from @gcm/domain so that the API, the bot and the console
 * say the same thing.
 */
import {
  errorMessagesVi,
  passwordProblemsEn,
  passwordProblemsVi,
  companyStatusLabelsVi,
  roleLabelsVi,
  supportContactKindLabelsVi,
  tipStatusLabelsVi,
  unitKindLabelsVi,
} from '@gcm/domain';
import enAudit from './en-US/audit.json';
import enAuth from './en-US/auth.json';
import enBroadcasts from './en-US/broadcasts.json';
import enCommon from './en-US/common.json';
import enDashboard from './en-US/dashboard.json';
import enDomain from './en-US/domain.json';
import enHelpNearby from './en-US/help-nearby.json';
import enInbox from './en-US/inbox.json';
import enKnowledge from './en-US/knowledge.json';
import enNav from './en-US/nav.json';
import enQuestions from './en-US/questions.json';
import enReporting from './en-US/reporting.json';
import enReportingTracking from './en-US/reporting-tracking.json';
import enSessions from './en-US/sessions.json';
import enSimulator from './en-US/simulator.json';
import enTips from './en-US/tips.json';
import enUnits from './en-US/units.json';
import enUsers from './en-US/users.json';
import viAudit from './vi-VN/audit.json';
import viAuth from './vi-VN/auth.json';
import viBroadcasts from './vi-VN/broadcasts.json';
import viCommon from './vi-VN/common.json';
import viDashboard from './vi-VN/dashboard.json';
import viHelpNearby from './vi-VN/help-nearby.json';
import viInbox from './vi-VN/inbox.json';
import viKnowledge from './vi-VN/knowledge.json';
import viNav from './vi-VN/nav.json';
import viQuestions from './vi-VN/questions.json';
import viReporting from './vi-VN/reporting.json';
import viReportingTracking from './vi-VN/reporting-tracking.json';
import viSessions from './vi-VN/sessions.json';
import viSimulator from './vi-VN/simulator.json';
import viTips from './vi-VN/tips.json';
import viUnits from './vi-VN/units.json';
import viUsers from './vi-VN/users.json';

export const SUPPORTED_LOCALES = ['vi-VN', 'en-US'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'vi-VN';

export const localeNames: Record<AppLocale, string> = {
  'vi-VN': 'Tiếng Việt',
  'en-US': 'English',
};

const viVN = {
  common: viCommon,
  nav: viNav,
  dashboard: viDashboard,
  questions: viQuestions,
  inbox: viInbox,
  knowledge: viKnowledge,
  helpNearby: {
    ...viHelpNearby,
    kinds: supportContactKindLabelsVi,
    companyStatus: companyStatusLabelsVi,
  },
  tips: { ...viTips, statuses: tipStatusLabelsVi },
  broadcasts: viBroadcasts,
  simulator: viSimulator,
  reporting: viReporting,
  auth: viAuth,
  units: viUnits,
  users: viUsers,
  audit: viAudit,
  sessions: viSessions,
  reportingTracking: viReportingTracking,
  roles: roleLabelsVi,
  unitKinds: unitKindLabelsVi,
  passwordProblems: passwordProblemsVi,
  errors: errorMessagesVi as Record<string, string>,
};

export type MessageSchema = typeof viVN;

const enUS = {
  common: enCommon,
  nav: enNav,
  dashboard: enDashboard,
  questions: enQuestions,
  inbox: enInbox,
  knowledge: enKnowledge,
  helpNearby: enHelpNearby,
  tips: enTips,
  broadcasts: enBroadcasts,
  simulator: enSimulator,
  reporting: enReporting,
  auth: enAuth,
  units: enUnits,
  users: enUsers,
  audit: enAudit,
  sessions: enSessions,
  reportingTracking: enReportingTracking,
  passwordProblems: passwordProblemsEn,
  ...enDomain,
};

export const messages: Record<AppLocale, MessageSchema> = { 'vi-VN': viVN, 'en-US': enUS };

export function isAppLocale(value: unknown): value is AppLocale {
  return SUPPORTED_LOCALES.includes(value as AppLocale);
}
