import { ErrorCode } from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const DirectoryErrors = {
  notFound: () =>
    new AppError(
      ErrorCode.SupportContactNotFound,
      404,
      'No such support contact (it may have been deleted).',
    ),
  nameTaken: (name: string) =>
    new AppError(
      ErrorCode.Conflict,
      409,
      `A support contact named "${name}" already exists; edit that one instead.`,
      [{ field: 'name', message: 'already used' }],
    ),
  unknownIds: (field: 'unitIds' | 'topicIds', ids: string[]) =>
    new AppError(
      ErrorCode.SupportContactInvalid,
      400,
      `${field === 'unitIds' ? 'No unit' : 'No topic'} has the id ${ids.join(', ')}; choose from the list.`,
      [{ field, message: `unknown: ${ids.join(', ')}` }],
    ),
};
