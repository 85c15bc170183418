import { ErrorCode, TIP_LIMITS } from '@gcm/domain';
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
  photoNotStored: () =>
    new AppError(
      ErrorCode.TipPhotoNotStored,
      404,
      "This photo is not stored: it is still being fetched from the chat platform, or could not be fetched (see the entry's photo.state).",
    ),
  photoNothingToFetch: () =>
    new AppError(
      ErrorCode.NotFound,
      404,
      'No photo to fetch under this key: the entry is gone (retention, a discarded draft) or its photo is stored already.',
    ),
  photoMissing: () =>
    new AppError(
      ErrorCode.TipPhotoInvalid,
      400,
      "Send the photo's bytes as the request body (Content-Type image/jpeg, image/png, image/webp or application/octet-stream).",
    ),
  photoTooLarge: () =>
    new AppError(
      ErrorCode.PayloadTooLarge,
      413,
      `The photo is larger than ${TIP_LIMITS.photoBytes} bytes (10 MB), the most the API stores.`,
    ),
  photoInvalid: (why: string) =>
    new AppError(
      ErrorCode.TipPhotoInvalid,
      400,
      `The file is not stored: ${why}. Only JPEG, PNG and WebP photos are kept.`,
    ),
};
