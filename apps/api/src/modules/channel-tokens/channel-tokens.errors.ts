import { ErrorCode, type Channel } from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const ChannelTokensErrors = {
  notFound: (channel: Channel) =>
    new AppError(
      ErrorCode.ChannelTokensNotFound,
      404,
      `No ${channel} tokens are stored yet: use the configured ones, and save the first renewal with expectedRevision 0.`,
    ),
  stale: (channel: Channel, expected: number, stored: number | null) =>
    new AppError(
      ErrorCode.ChannelTokensStale,
      409,
      stored === null
        ? `No ${channel} tokens are stored, so revision ${expected} cannot be replaced: save with expectedRevision 0.`
        : `The stored ${channel} tokens are at revision ${stored}, not ${expected}: another bot instance renewed them first. Read them again and carry on with those.`,
      [{ field: 'expectedRevision', message: `the stored revision is ${stored ?? 'none (0)'}` }],
    ),
};
