import { ErrorCode } from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const TipsErrors = {
  notConfigured: () =>
    new AppError(
      ErrorCode.TipsNotConfigured,
      503,
      'Confidential reports are off: set TIPS_ENCRYPTION_KEYS (and TIPS_ENCRYPTION_KEY_ID) in the API configuration, see docs/configuration.md.',
    ),
  keyMissing: (keyId: string) =>
    new AppError(
      ErrorCode.TipsNotConfigured,
      503,
      `This report was sealed with the key "${keyId}", which TIPS_ENCRYPTION_KEYS no longer lists: add it back to read the report.`,
    ),
  notFound: () => new AppError(ErrorCode.TipNotFound, 404, 'No such report.'),
  contentForbidden: () =>
    new AppError(
      ErrorCode.TipContentForbidden,
      403,
      "Only officers of the police unit serving the report's area read its content and reply to it.",
    ),
  contentDeleted: () =>
    new AppError(
      ErrorCode.TipContentDeleted,
      410,
      'The content of this report was deleted at the end of its retention period (TIPS_RETENTION_DAYS).',
    ),
  notReachable: () =>
    new AppError(
      ErrorCode.TipNotReachable,
      409,
      'The reply cannot reach the person: their chat is gone, or they blocked or unfollowed the bot.',
    ),
};
