import { ErrorCode } from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const UnitsErrors = {
  notFound: () => new AppError(ErrorCode.UnitNotFound, 404, 'No such unit.'),
  codeTaken: (code: string) =>
    new AppError(
      ErrorCode.UnitCodeTaken,
      409,
      `The unit code ${code} is already used (possibly by a deleted unit: restore it instead).`,
      [{ field: 'code', message: 'already used' }],
    ),
  parentInvalid: (message: string) =>
    new AppError(ErrorCode.UnitParentInvalid, 400, message, [{ field: 'parentId', message }]),
  hasChildren: () =>
    new AppError(
      ErrorCode.UnitHasChildren,
      409,
      'This unit still has units under it; move or delete them first.',
    ),
};
