/**
 * Stable error codes shared by the API, the console and the bot.
 * The API answers every error with `{ code, message, details? }`; clients show
 * `errorMessagesVi[code]` (Vietnamese first) and fall back to the server's message.
 */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  MalformedJson: 'malformed_json',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  NotFound: 'not_found',
  RouteNotFound: 'route_not_found',
  Conflict: 'conflict',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  PasswordChangeRequired: 'password_change_required',
  CrossSiteRequest: 'cross_site_request',
  InvalidCredentials: 'invalid_credentials',
  AccountDisabled: 'account_disabled',
  WeakPassword: 'weak_password',
  WrongCurrentPassword: 'wrong_current_password',
  TooManyRequests: 'too_many_requests',
  EmailTaken: 'email_taken',
  UnitRequiredForReporter: 'unit_required_for_reporter',
  CannotChangeOwnAccount: 'cannot_change_own_account',
  UnitNotFound: 'unit_not_found',
  UnitCodeTaken: 'unit_code_taken',
  UnitParentInvalid: 'unit_parent_invalid',
  UnitHasChildren: 'unit_has_children',
  CsvInvalid: 'csv_invalid',
  SupportContactNotFound: 'support_contact_not_found',
  SupportContactInvalid: 'support_contact_invalid',
  UserNotFound: 'user_not_found',
  FaqNotFound: 'faq_not_found',
  FaqKeyTaken: 'faq_key_taken',
  TopicNotFound: 'topic_not_found',
  TopicTaken: 'topic_taken',
  ImportInvalid: 'import_invalid',
  QuestionTooLong: 'question_too_long',
  ChannelTokensNotFound: 'channel_tokens_not_found',
  ChannelTokensStale: 'channel_tokens_stale',
  PlanNotFound: 'plan_not_found',
  PlanNotEmpty: 'plan_not_empty',
  PlanGroupNotFound: 'plan_group_not_found',
  PlanGroupOrdinalTaken: 'plan_group_ordinal_taken',
  PlanGroupHasTasks: 'plan_group_has_tasks',
  PlanTaskNotFound: 'plan_task_not_found',
  PlanTaskCodeTaken: 'plan_task_code_taken',
  PlanTaskHasUpdates: 'plan_task_has_updates',
  PlanTaskNotYourUnit: 'plan_task_not_your_unit',
  TaskUpdateNotFound: 'task_update_not_found',
  AttachmentNotStored: 'attachment_not_stored',
  ReportTemplateNotFound: 'report_template_not_found',
  ReportTemplateCodeTaken: 'report_template_code_taken',
  ReportPeriodLocked: 'report_period_locked',
  ReportNotOwed: 'report_not_owed',
  ReportSubmissionNotFound: 'report_submission_not_found',
  ReportNotYourUnit: 'report_not_your_unit',
  ReportDraftStale: 'report_draft_stale',
  ReportActionNotAllowed: 'report_action_not_allowed',
  ReportReminderSentToday: 'report_reminder_sent_today',
  LinkCodeNotFound: 'link_code_not_found',
  LinkCodeExpired: 'link_code_expired',
  LinkCodeUsed: 'link_code_used',
  LinkCodeRevoked: 'link_code_revoked',
  LinkCodeRateLimited: 'link_code_rate_limited',
  ChatAccountAlreadyLinked: 'chat_account_already_linked',
  LinkedAccountNotFound: 'linked_account_not_found',
  TipNotFound: 'tip_not_found',
  TipsNotConfigured: 'tips_not_configured',
  TipContentForbidden: 'tip_content_forbidden',
  TipContentDeleted: 'tip_content_deleted',
  TipNotReachable: 'tip_not_reachable',
  TipPhotoInvalid: 'tip_photo_invalid',
  TipPhotoNotStored: 'tip_photo_not_stored',
  DatabaseUnavailable: 'database_unavailable',
  Internal: 'internal_error',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  field: string;
  message: string;
  /** A stable code for why, where there is one (`weak_password`: a PasswordProblem). */
  reason?: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export const errorMessagesVi: Record<ErrorCode, string> = {
  support_contact_not_found: 'Không tìm thấy nơi hỗ trợ này (có thể đã bị xóa).',
  support_contact_invalid:
    'Thông tin nơi hỗ trợ chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
  validation_failed: 'Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
  malformed_json: 'Nội dung gửi lên không phải JSON hợp lệ.',
  payload_too_large: 'Nội dung gửi lên quá lớn.',
  unsupported_media_type: 'Định dạng nội dung không được hỗ trợ.',
  not_found: 'Không tìm thấy dữ liệu yêu cầu.',
  route_not_found: 'Đường dẫn không tồn tại.',
  conflict: 'Dữ liệu này đã tồn tại hoặc vừa bị người khác thay đổi.',
  unauthenticated: 'Bạn cần đăng nhập để tiếp tục.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  password_change_required: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
  cross_site_request:
    'Thao tác bị từ chối vì được gửi từ một trang web khác. Hãy thực hiện ngay trên trang quản trị.',
  invalid_credentials: 'Email hoặc mật khẩu không đúng.',
  account_disabled: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.',
  weak_password:
    'Mật khẩu chưa đủ mạnh: cần ít nhất 10 ký tự, có cả chữ và số, và không phải mật khẩu phổ biến hay dễ đoán (như password123, aaaaaaaa1, 12345abc).',
  wrong_current_password: 'Mật khẩu hiện tại không đúng.',
  too_many_requests: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
  email_taken: 'Email này đã được dùng cho một tài khoản khác.',
  unit_required_for_reporter: 'Tài khoản cán bộ báo cáo phải gắn với một đơn vị.',
  cannot_change_own_account: 'Bạn không thể tự khóa hoặc đổi vai trò của chính mình.',
  unit_not_found: 'Không tìm thấy đơn vị.',
  unit_code_taken: 'Mã đơn vị đã tồn tại.',
  unit_parent_invalid: 'Đơn vị cấp trên không hợp lệ.',
  unit_has_children: 'Đơn vị còn đơn vị trực thuộc, không thể xóa.',
  csv_invalid: 'Tệp CSV có dòng lỗi; chưa có dữ liệu nào được ghi.',
  user_not_found: 'Không tìm thấy tài khoản.',
  faq_not_found: 'Không tìm thấy câu hỏi thường gặp.',
  faq_key_taken: 'Mã câu hỏi đã được dùng cho một câu hỏi khác.',
  topic_not_found: 'Không tìm thấy chủ đề.',
  topic_taken: 'Chủ đề này đã tồn tại.',
  import_invalid: 'Không đọc được tệp nhập. Vui lòng kiểm tra định dạng tệp.',
  question_too_long: 'Câu hỏi quá dài. Vui lòng hỏi ngắn gọn hơn.',
  channel_tokens_not_found: 'Chưa có mã truy cập nào được lưu cho kênh này.',
  channel_tokens_stale:
    'Mã truy cập của kênh vừa được một phiên bản bot khác làm mới. Hãy đọc lại mã đã lưu và dùng mã đó.',
  plan_not_found: 'Không tìm thấy kế hoạch.',
  plan_not_empty: 'Kế hoạch đã có nhiệm vụ nên không thể xóa; hãy sửa kế hoạch thay vì xóa.',
  plan_group_not_found: 'Không tìm thấy nhóm nhiệm vụ.',
  plan_group_ordinal_taken: 'Số thứ tự nhóm này đã có trong kế hoạch.',
  plan_group_has_tasks:
    'Nhóm còn nhiệm vụ nên không thể xóa; hãy xóa hoặc chuyển các nhiệm vụ trước.',
  plan_task_not_found: 'Không tìm thấy nhiệm vụ.',
  plan_task_code_taken: 'Số thứ tự nhiệm vụ này đã có trong kế hoạch.',
  plan_task_has_updates:
    'Nhiệm vụ đã có cập nhật tiến độ nên không thể xóa; hãy sửa nhiệm vụ thay vì xóa.',
  plan_task_not_your_unit: 'Đơn vị của bạn không chủ trì hay phối hợp thực hiện nhiệm vụ này.',
  task_update_not_found: 'Không tìm thấy cập nhật tiến độ.',
  attachment_not_stored:
    'Tệp đính kèm này nằm trên Zalo hoặc Telegram, không được lưu trên hệ thống.',
  report_template_not_found: 'Không tìm thấy mẫu báo cáo.',
  report_template_code_taken: 'Mã mẫu báo cáo này đã được dùng cho một mẫu khác.',
  report_period_locked: 'Kỳ báo cáo đã bị khóa, không thể thay đổi báo cáo.',
  report_not_owed: 'Đơn vị này không phải nộp mẫu báo cáo này, hoặc kỳ báo cáo chưa bắt đầu.',
  report_submission_not_found: 'Không tìm thấy báo cáo.',
  report_not_your_unit: 'Bạn chỉ xem và sửa được báo cáo của đơn vị mình.',
  report_draft_stale:
    'Có người khác vừa sửa mục này của báo cáo. Hãy xem giá trị hiện tại rồi nhập lại nếu cần.',
  report_action_not_allowed: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của báo cáo.',
  report_reminder_sent_today:
    'Hôm nay đã nhắc các đơn vị chưa nộp kỳ này; mỗi ngày chỉ nhắc một lần, có thể nhắc lại từ ngày mai.',
  link_code_not_found: 'Mã liên kết không đúng. Vui lòng kiểm tra lại mã cán bộ điều phối đã gửi.',
  link_code_expired: 'Mã liên kết đã hết hạn. Vui lòng xin cán bộ điều phối cấp mã mới.',
  link_code_used: 'Mã liên kết đã được sử dụng. Mỗi mã chỉ dùng được một lần.',
  link_code_revoked: 'Mã liên kết đã bị thu hồi. Vui lòng xin cán bộ điều phối cấp mã mới.',
  link_code_rate_limited: 'Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau ít phút.',
  chat_account_already_linked:
    'Tài khoản chat này đã được liên kết với một cán bộ. Hãy hủy liên kết cũ trước.',
  linked_account_not_found: 'Không tìm thấy tài khoản chat đã liên kết.',
  tip_not_found: 'Không tìm thấy tin báo.',
  tips_not_configured:
    'Chức năng tin báo chưa được bật: quản trị hệ thống cần đặt khóa mã hóa TIPS_ENCRYPTION_KEYS.',
  tip_content_forbidden:
    'Chỉ cán bộ Công an phụ trách địa bàn của tin báo mới được xem nội dung và trả lời.',
  tip_content_deleted: 'Nội dung tin báo đã được xóa vì quá thời hạn lưu giữ.',
  tip_not_reachable:
    'Không gửi được trả lời: người báo tin đã chặn hoặc bỏ theo dõi kênh, hoặc kênh không còn.',
  tip_photo_invalid: 'Tệp gửi lên không phải ảnh JPEG, PNG hoặc WebP.',
  tip_photo_not_stored:
    'Ảnh này chưa có trên hệ thống: đang được tải từ kênh chat, hoặc không tải được.',
  database_unavailable: 'Cơ sở dữ liệu tạm thời không sẵn sàng.',
  internal_error: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.',
};
