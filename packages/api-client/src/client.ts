import type {
  TipDetailResponse,
  TipEntryResponse,
  TipListQuery,
  TipSummaryResponse,
  CompanyCheckResponse,
  CompanyImportResponse,
  CompanyListInfo,
  LicensedCompanyResponse,
  SupportContactImportResponse,
  SupportContactListQuery,
  SupportContactRequest,
  SupportContactResponse,
  AuditEntryResponse,
  AuditListQuery,
  ChangePasswordRequest,
  ChannelTokensResponse,
  SaveChannelTokensRequest,
  CreateUnitRequest,
  CreateUserRequest,
  CreatedUserResponse,
  HealthResponse,
  LoginRequest,
  LoginResponse,
  Page,
  ResetPasswordResponse,
  SessionResponse,
  UnitImportResponse,
  UnitListQuery,
  UnitResponse,
  UpdateUnitRequest,
  UpdateUserRequest,
  UserListQuery,
  UserResponse,
  ArticleKind,
  ArticleResponse,
  AskRequest,
  AskResponse,
  AlternateProposalResponse,
  ExplainResponse,
  ProposalStatus,
  CreateArticleRequest,
  CreateFaqRequest,
  CreateGlossaryTermRequest,
  CreateSynonymRequest,
  CreateTopicRequest,
  FaqImportReport,
  FaqListQuery,
  FaqResponse,
  FaqStatus,
  FaqVersionResponse,
  GlossaryTermResponse,
  HandoffAssigneeResponse,
  HandoffCountsResponse,
  HandoffItemResponse,
  HandoffStatus,
  QuestionLogResponse,
  SimulatorSettingsResponse,
  SynonymResponse,
  TopicResponse,
  UpdateArticleRequest,
  UpdateFaqRequest,
  UpdateHandoffRequest,
  BotEvent,
  BotEventBatchRequest,
  BotEventBatchResponse,
  BotEventResult,
  Channel,
  ConversationMessage,
  OutboxClaimRequest,
  OutboxItem,
  FileSourceResponse,
  OutboxResultRequest,
  RedeliverBotUpdateRequest,
  ReleaseBotUpdateRequest,
  DeliveredBotUpdatesRequest,
  CreatePlanTaskRequest,
  CreateTaskUpdateRequest,
  PlanListQuery,
  PlanResponse,
  CreatePlanRequest,
  UpdatePlanRequest,
  CreatePlanGroupRequest,
  UpdatePlanGroupRequest,
  PlanGroupRef,
  PlanSummaryResponse,
  PlanTaskListQuery,
  PlanTaskResponse,
  TaskUpdateListQuery,
  TaskUpdateResponse,
  UpdatePlanTaskRequest,
  CreateLinkCodeRequest,
  CreateReportTemplateRequest,
  LinkCodeResponse,
  LinkCodeSummaryResponse,
  LinkedAccountResponse,
  UnitMemberResponse,
  OpenSubmissionRequest,
  ReminderSchedule,
  ReminderScheduleResponse,
  ReportPeriodListQuery,
  ReportPeriodResponse,
  ReportSubmissionListQuery,
  ReportSubmissionResponse,
  ReportSubmissionSummaryResponse,
  ReportTemplateInput,
  ReportTemplatePreviewResponse,
  ReportTemplateResponse,
  ReportTemplateSummaryResponse,
  ReportTemplateVersionResponse,
  SaveSubmissionValuesRequest,
  SubmitReportRequest,
  UpdateReportTemplateRequest,
  ReportDocxQuery,
  ReportTotalsQuery,
  ReportTotalsResponse,
  SendPeriodReminderResponse,
  TrackingMatrixResponse,
  TrackingQuery,
  BroadcastAudienceQuery,
  BroadcastAudienceResponse,
  BroadcastResponse,
  CreateBroadcastRequest,
  QuestionLogQuery,
  QuestionStatisticsQuery,
  QuestionStatisticsResponse,
  StaffReplyRequest,
} from '@gcm/domain';
import { createRequester, segment, type HttpOptions } from './http';

/** Base path of the versioned REST API. `/health` lives outside it. */
export const API_PREFIX = '/api/v1';

export interface UnitImportOptions {
  /** Validate and count only; nothing is written. */
  dryRun: boolean;
}

export type ApiClientOptions = HttpOptions;

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * A typed client of the GCM Helpdesk API. The console passes `credentials: 'include'` (cookie
 * session); the bot and scripts pass `token` (sent as `Authorization: Bearer`). Every failure
 * is thrown as an `ApiError`.
 */
export function createApiClient(options: ApiClientOptions) {
  const request = createRequester(options);
  const v1 = (path: string) => `${API_PREFIX}${path}`;

  const auth = {
    login: (body: LoginRequest) =>
      request<LoginResponse>({ method: 'POST', path: v1('/auth/login'), json: body }),
    logout: () => request<void>({ method: 'POST', path: v1('/auth/logout') }),
    me: () => request<UserResponse>({ method: 'GET', path: v1('/auth/me') }),
    changePassword: (body: ChangePasswordRequest) =>
      request<void>({ method: 'POST', path: v1('/auth/change-password'), json: body }),
    sessions: () => request<SessionResponse[]>({ method: 'GET', path: v1('/auth/sessions') }),
    revokeSession: (id: string) =>
      request<void>({ method: 'DELETE', path: v1(`/auth/sessions/${segment(id)}`) }),
  };

  const users = {
    list: (query: UserListQuery = {}) =>
      request<Page<UserResponse>>({ method: 'GET', path: v1('/users'), query }),
    get: (id: string) =>
      request<UserResponse>({ method: 'GET', path: v1(`/users/${segment(id)}`) }),
    create: (body: CreateUserRequest) =>
      request<CreatedUserResponse>({ method: 'POST', path: v1('/users'), json: body }),
    update: (id: string, body: UpdateUserRequest) =>
      request<UserResponse>({ method: 'PATCH', path: v1(`/users/${segment(id)}`), json: body }),
    resetPassword: (id: string) =>
      request<ResetPasswordResponse>({
        method: 'POST',
        path: v1(`/users/${segment(id)}/reset-password`),
      }),
    /** Deactivates the account and revokes its sessions. */
    deactivate: (id: string) =>
      request<void>({ method: 'DELETE', path: v1(`/users/${segment(id)}`) }),
  };

  const units = {
    list: (query: UnitListQuery = {}) =>
      request<Page<UnitResponse>>({ method: 'GET', path: v1('/units'), query }),
    get: (id: string) =>
      request<UnitResponse>({ method: 'GET', path: v1(`/units/${segment(id)}`) }),
    create: (body: CreateUnitRequest) =>
      request<UnitResponse>({ method: 'POST', path: v1('/units'), json: body }),
    update: (id: string, body: UpdateUnitRequest) =>
      request<UnitResponse>({ method: 'PATCH', path: v1(`/units/${segment(id)}`), json: body }),
    /** Soft delete: the unit can be restored. */
    remove: (id: string) => request<void>({ method: 'DELETE', path: v1(`/units/${segment(id)}`) }),
    restore: (id: string) =>
      request<UnitResponse>({ method: 'POST', path: v1(`/units/${segment(id)}/restore`) }),
    /**
     * Imports units from CSV text (header `code,name,kind,parent_code,contact_name,contact_phone,
     * contact_email,address`). A bad file throws ApiError `csv_invalid`; see `error.csvRowErrors`.
     */
    importCsv: (csv: string, { dryRun }: UnitImportOptions) =>
      request<UnitImportResponse>({
        method: 'POST',
        path: v1('/units/import'),
        query: { dryRun },
        text: csv,
        contentType: 'text/csv; charset=utf-8',
      }),
  };

  /** The support directory: hotlines and offices by the units they serve. */
  const directory = {
    list: (query: SupportContactListQuery = {}) =>
      request<Page<SupportContactResponse>>({
        method: 'GET',
        path: v1('/directory/contacts'),
        query,
      }),
    get: (id: string) =>
      request<SupportContactResponse>({
        method: 'GET',
        path: v1(`/directory/contacts/${segment(id)}`),
      }),
    create: (body: SupportContactRequest) =>
      request<SupportContactResponse>({
        method: 'POST',
        path: v1('/directory/contacts'),
        json: body,
      }),
    update: (id: string, body: Partial<SupportContactRequest>) =>
      request<SupportContactResponse>({
        method: 'PATCH',
        path: v1(`/directory/contacts/${segment(id)}`),
        json: body,
      }),
    remove: (id: string) =>
      request<void>({ method: 'DELETE', path: v1(`/directory/contacts/${segment(id)}`) }),
    /**
     * Imports contacts from CSV text (header `name,kind,phone,address,opening_hours,notes,units,
     * topics,review_due_on,sample`). A bad file throws ApiError `csv_invalid` with its lines.
     */
    importCsv: (csv: string, { dryRun }: { dryRun: boolean }) =>
      request<SupportContactImportResponse>({
        method: 'POST',
        path: v1('/directory/contacts/import'),
        query: { dryRun },
        text: csv,
        contentType: 'text/csv; charset=utf-8',
      }),
  };

  /** The list of enterprises licensed to send workers abroad. */
  const companies = {
    list: (query: { search?: string; page?: number; pageSize?: number } = {}) =>
      request<Page<LicensedCompanyResponse> & { list: CompanyListInfo | null }>({
        method: 'GET',
        path: v1('/companies'),
        query,
      }),
    check: (q: string) =>
      request<CompanyCheckResponse>({ method: 'GET', path: v1('/companies/check'), query: { q } }),
    /**
     * Replaces the list with a CSV text or an XLSX file (`contentType`); `listDate` dd/mm/yyyy.
     * A bad file throws ApiError `csv_invalid` with its lines, and the current list stays.
     */
    import: (
      file: string | Blob,
      contentType: string,
      query: { listDate?: string; source?: string; dryRun?: boolean },
    ) =>
      request<CompanyImportResponse>({
        method: 'POST',
        path: v1('/companies/import'),
        query,
        text: file,
        contentType,
      }),
  };

  /**
   * Confidential reports: every staff role lists them (that they exist); the content and replies
   * are for the police serving the area (403 `tip_content_forbidden` otherwise). Each read is audited.
   */
  const tips = {
    list: (query: TipListQuery = {}) =>
      request<Page<TipSummaryResponse>>({ method: 'GET', path: v1('/tips'), query }),
    read: (id: string) =>
      request<TipDetailResponse>({ method: 'GET', path: v1(`/tips/${segment(id)}`) }),
    reply: (id: string, text: string) =>
      request<TipEntryResponse>({
        method: 'POST',
        path: v1(`/tips/${segment(id)}/replies`),
        json: { text },
      }),
    /**
     * A stored photo of the report (`photo.state` `stored`), as a Blob to show through an object
     * URL; each view is audited. ApiError 404 `tip_photo_not_stored` while it is fetched.
     */
    photo: (id: string, entryId: string) =>
      request<Blob>({
        method: 'GET',
        path: v1(`/tips/${segment(id)}/photos/${segment(entryId)}`),
        responseType: 'blob',
      }),
  };

  const audit = {
    list: (query: AuditListQuery = {}) =>
      request<Page<AuditEntryResponse>>({ method: 'GET', path: v1('/audit'), query }),
  };

  const knowledge = {
    topics: () => request<TopicResponse[]>({ method: 'GET', path: v1('/knowledge/topics') }),
    createTopic: (body: CreateTopicRequest) =>
      request<TopicResponse>({ method: 'POST', path: v1('/knowledge/topics'), json: body }),
    updateTopic: (id: string, body: Partial<CreateTopicRequest>) =>
      request<Pick<TopicResponse, 'id' | 'name' | 'nameEn'>>({
        method: 'PATCH',
        path: v1(`/knowledge/topics/${segment(id)}`),
        json: body,
      }),
    faqs: (query: FaqListQuery = {}) =>
      request<Page<FaqResponse>>({ method: 'GET', path: v1('/knowledge/faqs'), query }),
    faq: (id: string) =>
      request<FaqResponse>({ method: 'GET', path: v1(`/knowledge/faqs/${segment(id)}`) }),
    createFaq: (body: CreateFaqRequest) =>
      request<FaqResponse>({ method: 'POST', path: v1('/knowledge/faqs'), json: body }),
    updateFaq: (id: string, body: UpdateFaqRequest) =>
      request<FaqResponse>({
        method: 'PATCH',
        path: v1(`/knowledge/faqs/${segment(id)}`),
        json: body,
      }),
    faqVersions: (id: string) =>
      request<FaqVersionResponse[]>({
        method: 'GET',
        path: v1(`/knowledge/faqs/${segment(id)}/versions`),
      }),
    /** Imports a JSON array of FAQs; a rejected row is reported, not thrown (unless allOrNothing). */
    importFaqs: (
      rows: unknown[],
      query: { allOrNothing?: boolean; dryRun?: boolean; defaultStatus?: FaqStatus } = {},
    ) =>
      request<FaqImportReport>({
        method: 'POST',
        path: v1('/knowledge/faqs/import'),
        query,
        json: rows,
      }),
    /** Imports a CSV or XLSX file of FAQs (same columns as JSON); the report lists every row. */
    importFaqFile: (
      file: string | Blob,
      contentType: string,
      query: { allOrNothing?: boolean; dryRun?: boolean; defaultStatus?: FaqStatus } = {},
    ) =>
      request<FaqImportReport>({
        method: 'POST',
        path: v1('/knowledge/faqs/import'),
        query,
        text: file,
        contentType,
      }),
    /** The address of the FAQ export file, to download with the session cookie. */
    faqExportPath: (format: 'json' | 'csv' | 'xlsx', status?: FaqStatus) =>
      v1(`/knowledge/faqs/export?format=${format}${status ? `&status=${status}` : ''}`),
    synonyms: () => request<SynonymResponse[]>({ method: 'GET', path: v1('/knowledge/synonyms') }),
    createSynonym: (body: CreateSynonymRequest) =>
      request<SynonymResponse>({ method: 'POST', path: v1('/knowledge/synonyms'), json: body }),
    updateSynonym: (id: string, body: Partial<CreateSynonymRequest>) =>
      request<SynonymResponse>({
        method: 'PATCH',
        path: v1(`/knowledge/synonyms/${segment(id)}`),
        json: body,
      }),
    deleteSynonym: (id: string) =>
      request<void>({ method: 'DELETE', path: v1(`/knowledge/synonyms/${segment(id)}`) }),
    glossary: () =>
      request<GlossaryTermResponse[]>({ method: 'GET', path: v1('/knowledge/glossary') }),
    createGlossaryTerm: (body: CreateGlossaryTermRequest) =>
      request<GlossaryTermResponse>({
        method: 'POST',
        path: v1('/knowledge/glossary'),
        json: body,
      }),
    updateGlossaryTerm: (id: string, body: Partial<CreateGlossaryTermRequest>) =>
      request<GlossaryTermResponse>({
        method: 'PATCH',
        path: v1(`/knowledge/glossary/${segment(id)}`),
        json: body,
      }),
    deleteGlossaryTerm: (id: string) =>
      request<void>({ method: 'DELETE', path: v1(`/knowledge/glossary/${segment(id)}`) }),
    articles: (
      query: { kind?: ArticleKind; status?: FaqStatus; page?: number; pageSize?: number } = {},
    ) => request<Page<ArticleResponse>>({ method: 'GET', path: v1('/knowledge/articles'), query }),
    article: (id: string) =>
      request<ArticleResponse>({ method: 'GET', path: v1(`/knowledge/articles/${segment(id)}`) }),
    createArticle: (body: CreateArticleRequest) =>
      request<ArticleResponse>({ method: 'POST', path: v1('/knowledge/articles'), json: body }),
    updateArticle: (id: string, body: UpdateArticleRequest) =>
      request<ArticleResponse>({
        method: 'PATCH',
        path: v1(`/knowledge/articles/${segment(id)}`),
        json: body,
      }),
  };

  const assistant = {
    ask: (body: AskRequest) =>
      request<AskResponse>({ method: 'POST', path: v1('/assistant/ask'), json: body }),
    /** Staff trying a question: what the bot would do and the closest FAQs; nothing logged. */
    explain: (body: AskRequest) =>
      request<ExplainResponse>({ method: 'POST', path: v1('/assistant/explain'), json: body }),
    /** Alternates proposed from people's picks among the choices (editors). */
    proposals: (query: { status?: ProposalStatus; page?: number; pageSize?: number } = {}) =>
      request<Page<AlternateProposalResponse>>({
        method: 'GET',
        path: v1('/assistant/proposals'),
        query,
      }),
    decideProposal: (id: string, accept: boolean) =>
      request<AlternateProposalResponse>({
        method: 'POST',
        path: v1(`/assistant/proposals/${segment(id)}/${accept ? 'accept' : 'reject'}`),
      }),
    /** The question log, newest first; `from`/`to` are days (YYYY-MM-DD) in Vietnam. */
    questions: (query: QuestionLogQuery = {}) =>
      request<Page<QuestionLogResponse>>({
        method: 'GET',
        path: v1('/assistant/questions'),
        query,
      }),
    handoffs: (query: { status?: HandoffStatus; page?: number; pageSize?: number } = {}) =>
      request<Page<HandoffItemResponse>>({ method: 'GET', path: v1('/assistant/handoffs'), query }),
    setHandoffStatus: (id: string, status: HandoffStatus) =>
      request<HandoffItemResponse>({
        method: 'PATCH',
        path: v1(`/assistant/handoffs/${segment(id)}`),
        json: { status },
      }),
    /** A new status, a new assignee (null: nobody), or both. */
    updateHandoff: (id: string, body: UpdateHandoffRequest) =>
      request<HandoffItemResponse>({
        method: 'PATCH',
        path: v1(`/assistant/handoffs/${segment(id)}`),
        json: body,
      }),
    /** How many items wait for staff, and how many of them are urgent. */
    handoffCounts: () =>
      request<HandoffCountsResponse>({ method: 'GET', path: v1('/assistant/handoffs/counts') }),
    /** Staff an inbox item may be assigned to. */
    handoffAssignees: () =>
      request<HandoffAssigneeResponse[]>({
        method: 'GET',
        path: v1('/assistant/handoffs/assignees'),
      }),
    /** Replies to the person behind an inbox item (delivered by the bot through the outbox). */
    reply: (handoffId: string, body: StaffReplyRequest) =>
      request<ConversationMessage>({
        method: 'POST',
        path: v1(`/assistant/handoffs/${segment(handoffId)}/replies`),
        json: body,
      }),
    /** Where the console's bot simulator loads the bot's web chat from. */
    simulator: () =>
      request<SimulatorSettingsResponse>({ method: 'GET', path: v1('/assistant/simulator') }),
    /** The conversation behind an inbox item, oldest first (the last 100 messages). */
    handoffMessages: (handoffId: string) =>
      request<{ items: ConversationMessage[] }>({
        method: 'GET',
        path: v1(`/assistant/handoffs/${segment(handoffId)}/messages`),
      }),
  };

  const broadcasts = {
    /** Sends a published article or warning to its subscribers. */
    create: (body: CreateBroadcastRequest) =>
      request<BroadcastResponse>({ method: 'POST', path: v1('/broadcasts'), json: body }),
    /** Newest first, each with its delivery counts. */
    list: (query: { page?: number; pageSize?: number } = {}) =>
      request<Page<BroadcastResponse>>({ method: 'GET', path: v1('/broadcasts'), query }),
    get: (id: string) =>
      request<BroadcastResponse>({ method: 'GET', path: v1(`/broadcasts/${segment(id)}`) }),
    /** How many subscribers a broadcast to this topic and area would reach, per channel. */
    audience: (query: BroadcastAudienceQuery = {}) =>
      request<BroadcastAudienceResponse>({
        method: 'GET',
        path: v1('/broadcasts/audience'),
        query,
      }),
  };

  const statistics = {
    /** The dashboard's figures for a period of Vietnam days (default: the last 7). */
    questions: (query: QuestionStatisticsQuery = {}) =>
      request<QuestionStatisticsResponse>({
        method: 'GET',
        path: v1('/statistics/questions'),
        query,
      }),
  };

  /** Plans with their task groups and tasks (a unit reporter gets its unit's tasks only). */
  const plans = {
    list: (query: PlanListQuery = {}) =>
      request<Page<PlanSummaryResponse>>({ method: 'GET', path: v1('/plans'), query }),
    get: (id: string) =>
      request<PlanResponse>({ method: 'GET', path: v1(`/plans/${segment(id)}`) }),
    /** Admins and coordinators enter a plan from its signed document, then its groups and tasks. */
    create: (body: CreatePlanRequest) =>
      request<PlanResponse>({ method: 'POST', path: v1('/plans'), json: body }),
    update: (id: string, body: UpdatePlanRequest) =>
      request<PlanResponse>({ method: 'PATCH', path: v1(`/plans/${segment(id)}`), json: body }),
    /** ApiError 409 `plan_not_empty` once the plan has tasks. */
    remove: (id: string) => request<void>({ method: 'DELETE', path: v1(`/plans/${segment(id)}`) }),
    groups: {
      create: (planId: string, body: CreatePlanGroupRequest) =>
        request<PlanGroupRef>({
          method: 'POST',
          path: v1(`/plans/${segment(planId)}/groups`),
          json: body,
        }),
      /** A new `ordinal` renumbers the group's tasks. */
      update: (planId: string, groupId: string, body: UpdatePlanGroupRequest) =>
        request<PlanGroupRef>({
          method: 'PATCH',
          path: v1(`/plans/${segment(planId)}/groups/${segment(groupId)}`),
          json: body,
        }),
      /** ApiError 409 `plan_group_has_tasks` while the group holds tasks. */
      remove: (planId: string, groupId: string) =>
        request<void>({
          method: 'DELETE',
          path: v1(`/plans/${segment(planId)}/groups/${segment(groupId)}`),
        }),
    },
  };

  /** Plan tasks: read by every role (a unit reporter: its unit's), written by admins and coordinators. */
  const tasks = {
    list: (query: PlanTaskListQuery = {}) =>
      request<Page<PlanTaskResponse>>({ method: 'GET', path: v1('/tasks'), query }),
    get: (id: string) =>
      request<PlanTaskResponse>({ method: 'GET', path: v1(`/tasks/${segment(id)}`) }),
    create: (body: CreatePlanTaskRequest) =>
      request<PlanTaskResponse>({ method: 'POST', path: v1('/tasks'), json: body }),
    /** Any field; `coordinatingUnitIds` replaces the list; `status` changes the task's status. */
    update: (id: string, body: UpdatePlanTaskRequest) =>
      request<PlanTaskResponse>({ method: 'PATCH', path: v1(`/tasks/${segment(id)}`), json: body }),
    /** ApiError 409 `plan_task_has_updates` once units have posted updates on it. */
    remove: (id: string) => request<void>({ method: 'DELETE', path: v1(`/tasks/${segment(id)}`) }),
  };

  /** Progress updates on plan tasks, newest first. */
  const taskUpdates = {
    /** Posts an update; ApiError 403 `plan_task_not_your_unit` on another unit's task. */
    post: (taskId: string, body: CreateTaskUpdateRequest) =>
      request<TaskUpdateResponse>({
        method: 'POST',
        path: v1(`/tasks/${segment(taskId)}/updates`),
        json: body,
      }),
    forTask: (taskId: string, query: { page?: number; pageSize?: number } = {}) =>
      request<Page<TaskUpdateResponse>>({
        method: 'GET',
        path: v1(`/tasks/${segment(taskId)}/updates`),
        query,
      }),
    /** One unit's updates (a unit reporter's own by default), or every unit's. */
    list: (query: TaskUpdateListQuery = {}) =>
      request<Page<TaskUpdateResponse>>({ method: 'GET', path: v1('/task-updates'), query }),
    /**
     * Where to download the file stored with an update (`attachment.stored`), for a link or a
     * fetch with the same session; relative to `baseUrl`.
     */
    attachmentPath: (id: string) => v1(`/task-updates/${segment(id)}/attachment`),
  };

  /** Report templates (each edit a new version, applying from the next period) and periods. */
  const reportTemplates = {
    list: () =>
      request<ReportTemplateSummaryResponse[]>({ method: 'GET', path: v1('/reporting/templates') }),
    get: (id: string) =>
      request<ReportTemplateResponse>({
        method: 'GET',
        path: v1(`/reporting/templates/${segment(id)}`),
      }),
    /** ApiError 400 with details under `definition.<path>`; 409 `report_template_code_taken`. */
    create: (body: CreateReportTemplateRequest) =>
      request<ReportTemplateResponse>({
        method: 'POST',
        path: v1('/reporting/templates'),
        json: body,
      }),
    /** Saves a new version of the template; its `code` must stay the same. */
    update: (id: string, body: UpdateReportTemplateRequest) =>
      request<ReportTemplateResponse>({
        method: 'PUT',
        path: v1(`/reporting/templates/${segment(id)}`),
        json: body,
      }),
    version: (id: string, version: number) =>
      request<ReportTemplateVersionResponse>({
        method: 'GET',
        path: v1(`/reporting/templates/${segment(id)}/versions/${version}`),
      }),
    /** A saved version (the latest by default) as the bot asks it. */
    preview: (id: string, version?: number) =>
      request<ReportTemplatePreviewResponse>({
        method: 'GET',
        path: v1(`/reporting/templates/${segment(id)}/preview`),
        query: { version },
      }),
    /** An unsaved definition as the bot would ask it (ApiError 400 when invalid). */
    previewDraft: (definition: ReportTemplateInput) =>
      request<ReportTemplatePreviewResponse>({
        method: 'POST',
        path: v1('/reporting/templates/preview'),
        json: { definition } satisfies UpdateReportTemplateRequest,
      }),
    /** The template's periods, newest first, with due dates, lock and counts by status. */
    periods: (id: string, query: ReportPeriodListQuery = {}) =>
      request<ReportPeriodResponse[]>({
        method: 'GET',
        path: v1(`/reporting/templates/${segment(id)}/periods`),
        query,
      }),
    lockPeriod: (id: string, periodKey: string) =>
      request<void>({
        method: 'POST',
        path: v1(`/reporting/templates/${segment(id)}/periods/${segment(periodKey)}/lock`),
      }),
    unlockPeriod: (id: string, periodKey: string) =>
      request<void>({
        method: 'POST',
        path: v1(`/reporting/templates/${segment(id)}/periods/${segment(periodKey)}/unlock`),
      }),
    reminderSchedule: () =>
      request<ReminderScheduleResponse>({
        method: 'GET',
        path: v1('/reporting/reminder-schedule'),
      }),
    setReminderSchedule: (body: ReminderSchedule) =>
      request<ReminderScheduleResponse>({
        method: 'PUT',
        path: v1('/reporting/reminder-schedule'),
        json: body,
      }),
  };

  /** Units' reports: a unit reporter reaches its own unit's only. */
  const reports = {
    /** With templateId and periodKey, every unit owing the period (not started: id null). */
    list: (query: ReportSubmissionListQuery = {}) =>
      request<Page<ReportSubmissionSummaryResponse>>({
        method: 'GET',
        path: v1('/reporting/submissions'),
        query,
      }),
    get: (id: string) =>
      request<ReportSubmissionResponse>({
        method: 'GET',
        path: v1(`/reporting/submissions/${segment(id)}`),
      }),
    /** The unit's report for the period (the current one by default), created the first time. */
    open: (body: OpenSubmissionRequest) =>
      request<ReportSubmissionResponse>({
        method: 'POST',
        path: v1('/reporting/submissions'),
        json: body,
      }),
    /**
     * Saves answers, or corrects a submitted report. ApiError 409 `report_draft_stale` with the
     * current values in `details` (ReportDraftConflict) when someone changed a field meanwhile.
     */
    saveValues: (id: string, body: SaveSubmissionValuesRequest) =>
      request<ReportSubmissionResponse>({
        method: 'PUT',
        path: v1(`/reporting/submissions/${segment(id)}/values`),
        json: body,
      }),
    /** ApiError 400 naming `values.<field>` for missing answers and broken rules. */
    submit: (id: string, body: SubmitReportRequest = {}) =>
      request<ReportSubmissionResponse>({
        method: 'POST',
        path: v1(`/reporting/submissions/${segment(id)}/submit`),
        json: body,
      }),
    accept: (id: string) =>
      request<ReportSubmissionResponse>({
        method: 'POST',
        path: v1(`/reporting/submissions/${segment(id)}/accept`),
      }),
    returnForCorrection: (id: string, comment: string) =>
      request<ReportSubmissionResponse>({
        method: 'POST',
        path: v1(`/reporting/submissions/${segment(id)}/return`),
        json: { comment },
      }),
  };

  /**
   * The office's view of one period of a template (issue 13): the tracking matrix, the
   * once-a-day reminder, the totals and the export files. Unit reporters are refused (403).
   */
  const reportTracking = {
    /** Every owing unit × its status, grouped by parent unit and kind, with counts. */
    matrix: (templateId: string, periodKey: string, query: TrackingQuery = {}) =>
      request<TrackingMatrixResponse>({
        method: 'GET',
        path: v1(
          `/reporting/templates/${segment(templateId)}/periods/${segment(periodKey)}/tracking`,
        ),
        query,
      }),
    /**
     * Reminds the units that have not submitted, through their linked chat accounts. ApiError
     * 409 `report_reminder_sent_today` (details.sentAt) on a second call the same day.
     */
    remind: (templateId: string, periodKey: string) =>
      request<SendPeriodReminderResponse>({
        method: 'POST',
        path: v1(
          `/reporting/templates/${segment(templateId)}/periods/${segment(periodKey)}/remind`,
        ),
      }),
    /** Sums up the hierarchy, text answers, completeness per kind and over the periods. */
    /** `{ scope: 'top' }`: the top levels; `{ parentId }`: the units under one (lazy rows). */
    totals: (templateId: string, periodKey: string, query: ReportTotalsQuery = {}) =>
      request<ReportTotalsResponse>({
        method: 'GET',
        path: v1(
          `/reporting/templates/${segment(templateId)}/periods/${segment(periodKey)}/totals`,
        ),
        query,
      }),
    /** Where to download the XLSX workbook with the session cookie; relative to `baseUrl`. */
    xlsxPath: (templateId: string, periodKey: string) =>
      v1(`/reporting/templates/${segment(templateId)}/periods/${segment(periodKey)}/export.xlsx`),
    /** Where to download the DOCX report (Decree 30/2020/ND-CP format); relative to `baseUrl`. */
    docxPath: (templateId: string, periodKey: string, query: ReportDocxQuery = {}) => {
      const params = new URLSearchParams(
        Object.entries(query).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
        ),
      ).toString();
      return v1(
        `/reporting/templates/${segment(templateId)}/periods/${segment(periodKey)}/export.docx${params ? `?${params}` : ''}`,
      );
    },
  };

  /** One-time link codes for a unit's members, and the chat accounts linked with them. */
  const linkedAccounts = {
    /** The code is in this answer only (`ABCD-EFGH`), valid 72 hours, once. */
    issueCode: (unitId: string, body: CreateLinkCodeRequest) =>
      request<LinkCodeResponse>({
        method: 'POST',
        path: v1(`/units/${segment(unitId)}/link-codes`),
        json: body,
      }),
    /** The unit's active members: those a code may be issued to. */
    members: (unitId: string) =>
      request<UnitMemberResponse[]>({
        method: 'GET',
        path: v1(`/units/${segment(unitId)}/members`),
      }),
    codes: (unitId: string) =>
      request<LinkCodeSummaryResponse[]>({
        method: 'GET',
        path: v1(`/units/${segment(unitId)}/link-codes`),
      }),
    revokeCode: (unitId: string, id: string) =>
      request<void>({
        method: 'DELETE',
        path: v1(`/units/${segment(unitId)}/link-codes/${segment(id)}`),
      }),
    list: (unitId: string) =>
      request<LinkedAccountResponse[]>({
        method: 'GET',
        path: v1(`/units/${segment(unitId)}/linked-accounts`),
      }),
    unlink: (unitId: string, id: string) =>
      request<void>({
        method: 'DELETE',
        path: v1(`/units/${segment(unitId)}/linked-accounts/${segment(id)}`),
      }),
  };

  /** The bot's service endpoints (Bearer BOT_SERVICE_TOKEN). */
  const bot = {
    /** Posts one channel update; the API processes each (channel, updateId) once. */
    postEvent: (event: BotEvent) =>
      request<BotEventResult>({ method: 'POST', path: v1('/bot/events'), json: event }),
    /** Posts events of any chats at once; one outcome per event, in order. */
    postEvents: (events: BotEvent[]) =>
      request<BotEventBatchResponse>({
        method: 'POST',
        path: v1('/bot/events/batch'),
        json: { events } satisfies BotEventBatchRequest,
      }),
    claimOutbox: (body: OutboxClaimRequest) =>
      request<{ items: OutboxItem[] }>({
        method: 'POST',
        path: v1('/bot/outbox/claim'),
        json: body,
      }),
    /**
     * Sending an update's replies failed: the API hands them to the update's next delivery at
     * once. ApiError 404 when the API never recorded the update.
     */
    releaseUpdate: (body: ReleaseBotUpdateRequest) =>
      request<void>({ method: 'POST', path: v1('/bot/updates/release'), json: body }),
    /**
     * The replies of an update answered to its platform already could not be sent: the API
     * queues them in the outbox. ApiError 404 when it never recorded the update, 409 when its
     * replies were delivered or queued already.
     */
    redeliverUpdate: (body: RedeliverBotUpdateRequest) =>
      request<void>({ method: 'POST', path: v1('/bot/updates/redeliver'), json: body }),
    /**
     * The replies of these updates reached the person: a later delivery of one of them gets
     * nothing to send (see BotEventResult.delivering).
     */
    deliveredUpdates: (body: DeliveredBotUpdatesRequest) =>
      request<void>({ method: 'POST', path: v1('/bot/updates/delivered'), json: body }),
    reportOutbox: (id: string, body: OutboxResultRequest) =>
      request<void>({ method: 'POST', path: v1(`/bot/outbox/${segment(id)}/result`), json: body }),
    /** The platform's reference of a file to fetch (an outbox `fetch_file` item's key); 404: none. */
    fileSource: (key: string) =>
      request<FileSourceResponse>({ method: 'GET', path: v1(`/bot/files/${segment(key)}`) }),
    /**
     * Uploads the bytes of a fetched file; the API decides its type by its bytes. ApiError 400
     * `tip_photo_invalid` (not a JPEG, PNG or WebP image), 413 (too large), 404 (nothing to fetch).
     */
    uploadFile: (key: string, bytes: Blob) =>
      request<void>({
        method: 'PUT',
        path: v1(`/bot/files/${segment(key)}`),
        text: bytes,
        contentType: 'application/octet-stream',
      }),
    /** Messages of one conversation after `after` (the web chat's polling). */
    messages: (channel: Channel, chatId: string, after = 0) =>
      request<{ items: ConversationMessage[] }>({
        method: 'GET',
        path: v1(`/bot/conversations/${segment(channel)}/${segment(chatId)}/messages`),
        query: { after },
      }),
    /** The channel's stored tokens; ApiError 404 when none are stored yet. */
    getChannelTokens: (channel: Channel) =>
      request<ChannelTokensResponse>({
        method: 'GET',
        path: v1(`/bot/channels/${segment(channel)}/tokens`),
      }),
    /** Stores renewed tokens if the stored pair is still at `expectedRevision`; otherwise 409. */
    saveChannelTokens: (channel: Channel, body: SaveChannelTokensRequest) =>
      request<ChannelTokensResponse>({
        method: 'PUT',
        path: v1(`/bot/channels/${segment(channel)}/tokens`),
        json: body,
      }),
  };

  /** The API's health; a 503 answer with a health body (database down) is returned, not thrown. */
  const health = () =>
    request<HealthResponse>({ method: 'GET', path: '/health', acceptStatuses: [503] });

  return {
    auth,
    users,
    units,
    directory,
    companies,
    tips,
    plans,
    tasks,
    taskUpdates,
    reportTemplates,
    reports,
    reportTracking,
    linkedAccounts,
    audit,
    knowledge,
    assistant,
    broadcasts,
    statistics,
    bot,
    health,
  };
}
