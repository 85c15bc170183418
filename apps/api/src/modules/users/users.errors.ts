import { ErrorCode } from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const UsersErrors = {
  notFound: () => new AppError(ErrorCode.UserNotFound, 404, 'No such user.'),
  emailTaken: (email: string) =>
    new AppError(
      ErrorCode.EmailTaken,
      409,
      `The email ${email} is already used by another account.`,
      [{ field: 'email', message: 'already used' }],
    ),
  unitRequired: () =>
    new AppError(
      ErrorCode.UnitRequiredForReporter,
      400,
      'A unit_reporter account must be bound to a unit: set unitId.',
      [{ field: 'unitId', message: 'required for role unit_reporter' }],
    ),
  unitNotFound: () =>
    new AppError(ErrorCode.UnitNotFound, 400, 'The unit given in unitId does not exist.', [
      { field: 'unitId', message: 'no such unit' },
    ]),
  cannotChangeSelf: () =>
    new AppError(
      ErrorCode.CannotChangeOwnAccount,
      400,
      'You cannot disable your own account or change your own role; ask another administrator.',
    ),
};
