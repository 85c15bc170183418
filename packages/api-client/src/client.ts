import type {
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
  HandoffItemResponse,
  HandoffStatus,
  QuestionLogResponse,
  SynonymResponse,
  TopicResponse,
  UpdateArticleRequest,
  UpdateFaqRequest,
  AskStatus,
  BotEvent,
  BotEventBatchRequest,
  BotEventBatchResponse,
  BotEventResult,
  Channel,
  ConversationMessage,
  OutboxClaimRequest,
  OutboxItem,
  OutboxResultRequest,
  ReleaseBotUpdateRequest,
  DeliveredBotUpdatesRequest,
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

  const audit = {
    list: (query: AuditListQuery = {}) =>
      request<Page<AuditEntryResponse>>({ method: 'GET', path: v1('/audit'), query }),
  };

  const knowledge = {
    topics: () => request<TopicResponse[]>({ method: 'GET', path: v1('/knowledge/topics') }),
    createTopic: (body: CreateTopicRequest) =>
      request<TopicResponse>({ method: 'POST', path: v1('/knowledge/topics'), json: body }),
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
    synonyms: () => request<SynonymResponse[]>({ method: 'GET', path: v1('/knowledge/synonyms') }),
    createSynonym: (body: CreateSynonymRequest) =>
      request<SynonymResponse>({ method: 'POST', path: v1('/knowledge/synonyms'), json: body }),
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
    articles: (
      query: { kind?: ArticleKind; status?: FaqStatus; page?: number; pageSize?: number } = {},
    ) => request<Page<ArticleResponse>>({ method: 'GET', path: v1('/knowledge/articles'), query }),
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
    questions: (query: { status?: AskStatus; page?: number; pageSize?: number } = {}) =>
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
     * The replies of these updates reached the person: a later delivery of one of them gets
     * nothing to send (see BotEventResult.delivering).
     */
    deliveredUpdates: (body: DeliveredBotUpdatesRequest) =>
      request<void>({ method: 'POST', path: v1('/bot/updates/delivered'), json: body }),
    reportOutbox: (id: string, body: OutboxResultRequest) =>
      request<void>({ method: 'POST', path: v1(`/bot/outbox/${segment(id)}/result`), json: body }),
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

  return { auth, users, units, audit, knowledge, assistant, bot, health };
}
