import { ErrorCode, FieldError, TASK_UPDATE_LIMITS } from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const PlanErrors = {
  planNotFound: () => new AppError(ErrorCode.PlanNotFound, 404, 'No such plan.'),
  groupNotFound: () =>
    new AppError(ErrorCode.PlanGroupNotFound, 404, 'No such task group in this plan.'),
  planNotEmpty: (count: number) =>
    new AppError(
      ErrorCode.PlanNotEmpty,
      409,
      `This plan has ${count} task(s) and cannot be deleted; edit it instead.`,
    ),
  ordinalTaken: (ordinal: number) =>
    new AppError(
      ErrorCode.PlanGroupOrdinalTaken,
      409,
      `The plan already has a group ${ordinal}; choose another number.`,
      [{ field: 'ordinal', message: 'already used in this plan' }],
    ),
  groupHasTasks: (count: number) =>
    new AppError(
      ErrorCode.PlanGroupHasTasks,
      409,
      `This group has ${count} task(s) and cannot be deleted; delete or move them first.`,
    ),
  taskNotFound: () => new AppError(ErrorCode.PlanTaskNotFound, 404, 'No such plan task.'),
  updateNotFound: () => new AppError(ErrorCode.TaskUpdateNotFound, 404, 'No such progress update.'),
  codeTaken: (code: string) =>
    new AppError(
      ErrorCode.PlanTaskCodeTaken,
      409,
      `The plan already has a task ${code}; choose another number.`,
      [{ field: 'code', message: 'already used in this plan' }],
    ),
  hasUpdates: (count: number) =>
    new AppError(
      ErrorCode.PlanTaskHasUpdates,
      409,
      `This task has ${count} progress update(s) and cannot be deleted; edit it instead.`,
    ),
  notYourUnitsTask: () =>
    new AppError(
      ErrorCode.PlanTaskNotYourUnit,
      403,
      'Your unit is neither the lead nor a coordinating unit of this task.',
    ),
  onlyOwnUnit: () =>
    new AppError(
      ErrorCode.PlanTaskNotYourUnit,
      403,
      "A unit reporter sees and reports only its own unit's tasks and updates.",
    ),
  attachmentNotStored: () =>
    new AppError(
      ErrorCode.AttachmentNotStored,
      404,
      'This update has no stored file: its attachment is a reference to a file on the chat platform (fileRef), or there is none.',
    ),
  /** 400 `validation_failed` naming the fields, like the validation pipe's answers. */
  invalid: (details: FieldError[]) =>
    AppError.validation(details, details.map((d) => `${d.field}: ${d.message}`).join('; ')),
  nothingToFetch: () =>
    new AppError(
      ErrorCode.NotFound,
      404,
      'No file to fetch for this update: it is gone, has no file on a chat platform, or its file is stored already.',
    ),
  fileMissing: () =>
    new AppError(ErrorCode.ValidationFailed, 400, "Send the file's bytes as the request body."),
  fileTooLarge: () =>
    new AppError(
      ErrorCode.PayloadTooLarge,
      413,
      `The file is larger than ${TASK_UPDATE_LIMITS.fileBytes} bytes (5 MB), the most an update keeps.`,
    ),
  photoNotImage: () =>
    new AppError(
      ErrorCode.ValidationFailed,
      400,
      "The update's photo is not stored: its bytes are not a JPEG, PNG or WebP image.",
    ),
};
