import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FileSourceResponse, TASK_UPDATE_LIMITS } from '@gcm/domain';
import { DataSource } from 'typeorm';
import { sniffImageType } from '../../common/files/image-type';
import { PlanErrors } from './plan.errors';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The file of a progress update sent from a chat: the update keeps the platform's reference
 * until a bot instance fetches the file (outbox `fetch_file`, key `task_update:<id>`) and
 * uploads it; then the update has the file itself (`attachment.stored`), as one uploaded from
 * the console. A photo must be a JPEG, PNG or WebP image by its bytes; any file at most
 * TASK_UPDATE_LIMITS.fileBytes.
 */
@Injectable()
export class TaskUpdateFilesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async source(updateId: string): Promise<FileSourceResponse> {
    if (!ID.test(updateId)) throw PlanErrors.nothingToFetch();
    const [row]: { file_ref: string }[] = await this.dataSource.query(
      `SELECT attachment_file_ref AS file_ref FROM task_updates
       WHERE id = $1 AND attachment_file_ref IS NOT NULL AND attachment_content IS NULL`,
      [updateId],
    );
    if (!row) throw PlanErrors.nothingToFetch();
    return { fileRef: row.file_ref, maxBytes: TASK_UPDATE_LIMITS.fileBytes };
  }

  /** Keeps the fetched bytes and drops the reference; again for a stored file: a no-op. */
  async store(updateId: string, body: unknown): Promise<void> {
    if (!ID.test(updateId)) throw PlanErrors.nothingToFetch();
    if (!Buffer.isBuffer(body) || body.length === 0) throw PlanErrors.fileMissing();
    if (body.length > TASK_UPDATE_LIMITS.fileBytes) throw PlanErrors.fileTooLarge();
    await this.dataSource.transaction(async (manager) => {
      const [row]: { kind: string; mime_type: string | null; stored: boolean }[] =
        await manager.query(
          `SELECT attachment_kind AS kind, attachment_mime_type AS mime_type,
                  attachment_content IS NOT NULL AS stored
           FROM task_updates WHERE id = $1 AND attachment_kind IS NOT NULL FOR UPDATE`,
          [updateId],
        );
      if (!row) throw PlanErrors.nothingToFetch();
      if (row.stored) return;
      const image = sniffImageType(body);
      if (row.kind === 'photo' && !image) throw PlanErrors.photoNotImage();
      await manager.query(
        `UPDATE task_updates SET attachment_content = $2, attachment_size_bytes = $3,
           attachment_mime_type = $4, attachment_file_ref = NULL
         WHERE id = $1`,
        [updateId, body, body.length, image ?? row.mime_type ?? 'application/octet-stream'],
      );
    });
  }
}
