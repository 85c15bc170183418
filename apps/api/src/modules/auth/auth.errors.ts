import { ErrorCode, PasswordProblem, passwordProblemsEn } from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const AuthErrors = {
  invalidCredentials: () =>
    new AppError(ErrorCode.InvalidCredentials, 401, 'The email or the password is wrong.'),
  accountDisabled: () =>
    new AppError(
      ErrorCode.AccountDisabled,
      403,
      'This account is disabled. Contact an administrator.',
    ),
  passwordChangeRequired: () =>
    new AppError(
      ErrorCode.PasswordChangeRequired,
      403,
      'Change your one-time password first (POST /api/v1/auth/change-password).',
    ),
  weakPassword: (field: string, reason: PasswordProblem) =>
    new AppError(ErrorCode.WeakPassword, 400, passwordProblemsEn[reason], [
      { field, message: passwordProblemsEn[reason], reason },
    ]),
  samePassword: () =>
    new AppError(
      ErrorCode.WeakPassword,
      400,
      'The new password must differ from the current one.',
      [{ field: 'newPassword', message: 'same as the current password' }],
    ),
  wrongCurrentPassword: () =>
    new AppError(ErrorCode.WrongCurrentPassword, 400, 'The current password is wrong.', [
      { field: 'currentPassword', message: 'wrong password' },
    ]),
  crossSiteRequest: () =>
    new AppError(
      ErrorCode.CrossSiteRequest,
      403,
      'This change came from another site with your session cookie, so it was refused. Make it from the console itself.',
    ),
  tooManyAttempts: (seconds: number) =>
    new AppError(
      ErrorCode.TooManyRequests,
      429,
      `Too many failed sign-ins. Try again in ${seconds} seconds.`,
    ),
  sessionNotFound: () => new AppError(ErrorCode.NotFound, 404, 'No such session.'),
};
