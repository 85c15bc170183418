import { ErrorCode } from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const KnowledgeErrors = {
  faqNotFound: () => new AppError(ErrorCode.FaqNotFound, 404, 'No such FAQ.'),
  topicNotFound: () =>
    new AppError(ErrorCode.TopicNotFound, 400, 'The topic given in topicId does not exist.', [
      { field: 'topicId', message: 'no such topic' },
    ]),
  topicTaken: (name: string) =>
    new AppError(ErrorCode.TopicTaken, 409, `A topic named "${name}" already exists.`, [
      { field: 'name', message: 'already used' },
    ]),
  faqKeyTaken: (key: string) =>
    new AppError(ErrorCode.FaqKeyTaken, 409, `Another FAQ already has the id "${key}".`, [
      { field: 'key', message: 'already used' },
    ]),
  articleNotFound: () => new AppError(ErrorCode.NotFound, 404, 'No such article or warning.'),
  dictionaryEntryNotFound: () => new AppError(ErrorCode.NotFound, 404, 'No such dictionary entry.'),
  synonymTaken: (term: string) =>
    new AppError(
      ErrorCode.Conflict,
      409,
      `The term "${term}" is already in the dictionary; edit that entry.`,
      [{ field: 'term', message: 'already used' }],
    ),
  importUnreadable: (message: string) => new AppError(ErrorCode.ImportInvalid, 400, message),
};
