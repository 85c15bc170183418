import { describe, expect, it } from 'vitest';
import { attachmentColumns, NO_ATTACHMENT } from './task-update-attachment';

const pdf = Buffer.from('%PDF-1.4 biên bản').toString('base64');

describe('attachmentColumns', () => {
  it('keeps nothing without an attachment', () => {
    expect(attachmentColumns(undefined)).toEqual({ columns: NO_ATTACHMENT });
  });

  it("keeps a chat platform's reference with what the platform said of the file", () => {
    const sut = attachmentColumns({
      kind: 'photo',
      fileRef: 'AgACAgUAAxkBAAIB',
      mimeType: 'IMAGE/JPEG',
      sizeBytes: 48_213,
    });
    expect(sut).toEqual({
      columns: {
        attachmentKind: 'photo',
        attachmentFileName: null,
        attachmentMimeType: 'image/jpeg',
        attachmentSizeBytes: 48_213,
        attachmentFileRef: 'AgACAgUAAxkBAAIB',
        attachmentContent: null,
      },
    });
  });

  it('stores an uploaded file with its own size', () => {
    const sut = attachmentColumns({
      kind: 'document',
      fileName: 'bien-ban.pdf',
      mimeType: 'application/pdf',
      contentBase64: pdf,
    });
    expect(sut).toMatchObject({
      columns: {
        attachmentFileRef: null,
        attachmentSizeBytes: Buffer.from(pdf, 'base64').length,
        attachmentContent: Buffer.from(pdf, 'base64'),
      },
    });
  });

  it('names the field to fix', () => {
    const fields = (input: Parameters<typeof attachmentColumns>[0]) => {
      const result = attachmentColumns(input);
      return 'problems' in result ? result.problems.map((p) => p.field) : [];
    };
    expect(fields({ kind: 'document' })).toEqual(['attachment.fileRef']);
    expect(fields({ kind: 'document', fileRef: 'x', contentBase64: pdf })).toEqual([
      'attachment.contentBase64',
    ]);
    expect(fields({ kind: 'photo', fileRef: 'x', mimeType: 'application/pdf' })).toEqual([
      'attachment.mimeType',
    ]);
    expect(fields({ kind: 'document', contentBase64: pdf })).toEqual(['attachment.mimeType']);
    expect(
      fields({ kind: 'document', contentBase64: pdf, mimeType: 'application/pdf', sizeBytes: 1 }),
    ).toEqual(['attachment.sizeBytes']);
  });
});
