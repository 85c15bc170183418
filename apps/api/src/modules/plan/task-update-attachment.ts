import { FieldError, TASK_UPDATE_LIMITS } from '@gcm/domain';
import type { TaskUpdateAttachmentInput } from '@gcm/domain';
import type { TaskUpdateEntity } from './task-update.entity';

export type AttachmentColumns = Pick<
  TaskUpdateEntity,
  | 'attachmentKind'
  | 'attachmentFileName'
  | 'attachmentMimeType'
  | 'attachmentSizeBytes'
  | 'attachmentFileRef'
  | 'attachmentContent'
>;

export const NO_ATTACHMENT: AttachmentColumns = {
  attachmentKind: null,
  attachmentFileName: null,
  attachmentMimeType: null,
  attachmentSizeBytes: null,
  attachmentFileRef: null,
  attachmentContent: null,
};

/**
 * The columns of an update's attachment, or the problems of the fields that relate to each
 * other (each field alone is checked by the DTO): the file stays on the chat platform
 * (`fileRef`, like a file a citizen sends) or comes with the request (`contentBase64`), never
 * both; an uploaded file says its type, and its size is the size of what came; a photo is an
 * image.
 */
export function attachmentColumns(
  input: TaskUpdateAttachmentInput | undefined,
): { columns: AttachmentColumns } | { problems: FieldError[] } {
  if (!input) return { columns: NO_ATTACHMENT };
  const problems: FieldError[] = [];
  const field = (name: string, message: string) =>
    problems.push({ field: `attachment.${name}`, message });
  const hasRef = input.fileRef !== undefined;
  const hasContent = input.contentBase64 !== undefined;
  if (hasRef === hasContent)
    field(
      hasRef ? 'contentBase64' : 'fileRef',
      hasRef
        ? 'send either fileRef (a file on the chat platform) or contentBase64 (the file), not both'
        : "send fileRef (the chat platform's reference) or contentBase64 (the file itself)",
    );
  if (
    input.kind === 'photo' &&
    input.mimeType &&
    !input.mimeType.toLowerCase().startsWith('image/')
  )
    field('mimeType', 'a photo must be an image (image/jpeg, image/png…)');
  let content: Buffer | null = null;
  if (hasContent && !hasRef) {
    content = Buffer.from(input.contentBase64!, 'base64');
    if (content.length === 0) field('contentBase64', 'the file is empty');
    if (content.length > TASK_UPDATE_LIMITS.fileBytes)
      field('contentBase64', `the file is larger than ${TASK_UPDATE_LIMITS.fileBytes} bytes`);
    if (!input.mimeType)
      field('mimeType', 'is required with contentBase64 (such as application/pdf)');
    if (input.sizeBytes !== undefined && input.sizeBytes !== content.length)
      field('sizeBytes', `is ${input.sizeBytes} but the file has ${content.length} bytes`);
  }
  if (problems.length > 0) return { problems };
  return {
    columns: {
      attachmentKind: input.kind,
      attachmentFileName: input.fileName ?? null,
      attachmentMimeType: input.mimeType?.toLowerCase() ?? null,
      attachmentSizeBytes: content ? content.length : (input.sizeBytes ?? null),
      attachmentFileRef: content ? null : input.fileRef!,
      attachmentContent: content,
    },
  };
}
