import { ErrorCode, errorMessagesVi, FieldError } from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const LinkErrors = {
  codeNotFound: () =>
    new AppError(ErrorCode.LinkCodeNotFound, 404, 'No such link code for this unit.'),
  accountNotFound: () =>
    new AppError(ErrorCode.LinkedAccountNotFound, 404, 'No such linked chat account.'),
  unitNotFound: () => new AppError(ErrorCode.UnitNotFound, 404, 'No such unit.'),
  invalid: (details: FieldError[]) =>
    AppError.validation(details, details.map((d) => `${d.field}: ${d.message}`).join('; ')),
};

/** Why a code typed in a chat linked nothing; each has a Vietnamese message in errorMessagesVi. */
export type LinkCodeRefusal =
  | typeof ErrorCode.LinkCodeNotFound
  | typeof ErrorCode.LinkCodeExpired
  | typeof ErrorCode.LinkCodeUsed
  | typeof ErrorCode.LinkCodeRevoked
  | typeof ErrorCode.LinkCodeRateLimited
  | typeof ErrorCode.ChatAccountAlreadyLinked;

export function refusalMessageVi(code: LinkCodeRefusal): string {
  return errorMessagesVi[code];
}
