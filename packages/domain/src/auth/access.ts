/**
 * Who may use which staff features, as role lists the API's controllers and the console's
 * routes share (docs/architecture.md has the whole matrix). The API enforces them; the console
 * only hides what a role may not use.
 */
import { Role } from './roles';

/** The question log and the dashboard's statistics. */
export const QUESTION_LOG_READERS: readonly Role[] = [
  Role.Admin,
  Role.Editor,
  Role.Coordinator,
  Role.Viewer,
];

/** The staff inbox: list, status, reply, transcript. */
export const INBOX_WORKERS: readonly Role[] = [Role.Admin, Role.Editor, Role.Coordinator];

/** Sending a broadcast. */
export const BROADCAST_SENDERS: readonly Role[] = [Role.Admin, Role.Editor, Role.Coordinator];

/** Broadcasts with their delivery counts. */
export const BROADCAST_READERS: readonly Role[] = [
  Role.Admin,
  Role.Editor,
  Role.Coordinator,
  Role.Viewer,
];

/** Writing the knowledge base (FAQs, articles, dictionary, import and export). */
export const KNOWLEDGE_WRITERS: readonly Role[] = [Role.Admin, Role.Editor];

/** Roles that keep the support directory (contacts by locality) and the licensed company list. */
export const DIRECTORY_WRITERS: readonly Role[] = [Role.Admin, Role.Coordinator];

/**
 * Confidential reports (`/tips`): every staff role sees that a report exists (code, area, date,
 * status). Its content is read, and answered, only by these roles when their unit is a police
 * unit serving the report's area (its territorial parent is the area or above it).
 */
export const TIP_LIST_READERS: readonly Role[] = [
  Role.Admin,
  Role.Editor,
  Role.Coordinator,
  Role.UnitReporter,
  Role.Viewer,
];
export const TIP_CONTENT_ROLES: readonly Role[] = [Role.UnitReporter];
