import { Role } from '../auth/roles';

/** Roles that create report templates and edit them (each edit a new version). */
export const REPORT_TEMPLATE_WRITERS: readonly Role[] = [Role.Admin, Role.Coordinator];

/**
 * Roles that fill in, save and submit reports: a unit reporter for its own unit only, an
 * administrator for any unit.
 */
export const REPORT_FILLERS: readonly Role[] = [Role.Admin, Role.UnitReporter];

/** Roles that review submitted reports: accept them or return them with a comment. */
export const REPORT_REVIEWERS: readonly Role[] = [Role.Admin, Role.Coordinator];

/** Roles that lock and unlock a reporting period, and change the reminder schedule. */
export const REPORT_PERIOD_ADMINS: readonly Role[] = [Role.Admin];

/** Roles that issue and revoke link codes, and list and unlink units' chat accounts. */
export const LINK_CODE_ISSUERS: readonly Role[] = [Role.Admin, Role.Coordinator];

/** Hours a link code stays valid after it is issued. */
export const LINK_CODE_TTL_HOURS = 72;
