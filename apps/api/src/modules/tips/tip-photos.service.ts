import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type FileSourceResponse,
  TIP_LIMITS,
  TIP_PHOTO_TYPES,
  type TipPhotoType,
} from '@gcm/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { AuditService } from '../audit/audit.service';
import { TipKeyMissingError } from './tip-cipher';
import { sniffImageType } from '../../common/files/image-type';
import { TipsErrors } from './tips.errors';
import { type TipPhoto, TipsService } from './tips.service';

const KEY = /^tip_photo:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A stored photo, opened for the police. */
export interface OpenedTipPhoto {
  mimeType: TipPhotoType;
  content: Buffer;
}

/**
 * The photos of confidential reports. A bot instance fetches each from its chat platform (the
 * outbox's `fetch_file`) and uploads the bytes here; they are sealed with the tips' key under
 * `tip_photo:<entry id>` and the platform's reference is dropped from the entry. The police
 * serving the report's area view them (each view audited).
 */
@Injectable()
export class TipPhotosService {
  private readonly logger = new Logger('TipPhotos');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tips: TipsService,
    private readonly audit: AuditService,
  ) {}

  /** The platform's reference of a photo still to fetch (404 when there is none to fetch). */
  async source(key: string): Promise<FileSourceResponse> {
    const entryId = entryIdOf(key);
    const cipher = this.tips.cipher;
    const [entry]: { content: Buffer }[] = await this.dataSource.query(
      `SELECT e.content FROM tip_entries e JOIN tips t ON t.id = e.tip_id
       WHERE e.id = $1 AND e.kind = 'photo' AND t.content_deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM tip_photos p WHERE p.entry_id = e.id)`,
      [entryId],
    );
    const photo = entry
      ? (JSON.parse(cipher.open(entry.content, `tip_entry:${entryId}`)) as TipPhoto)
      : null;
    if (!photo?.fileRef) throw TipsErrors.photoNothingToFetch();
    return { fileRef: photo.fileRef, maxBytes: TIP_LIMITS.photoBytes };
  }

  /**
   * Stores a photo's bytes, sealed, and drops the platform's reference from its entry. Only a
   * JPEG, PNG or WebP image (by its bytes) of at most TIP_LIMITS.photoBytes is taken. Storing it
   * again is a no-op (a fetch retried after its upload went through).
   */
  async store(key: string, body: unknown, declaredType: string | undefined): Promise<void> {
    const entryId = entryIdOf(key);
    const cipher = this.tips.cipher;
    if (!Buffer.isBuffer(body) || body.length === 0) throw TipsErrors.photoMissing();
    if (body.length > TIP_LIMITS.photoBytes) throw TipsErrors.photoTooLarge();
    const type = sniffImageType(body);
    if (!type) throw TipsErrors.photoInvalid('its bytes are not a JPEG, PNG or WebP image');
    const declared = declaredType?.split(';')[0].trim().toLowerCase();
    if (declared && declared.startsWith('image/') && declared !== type)
      throw TipsErrors.photoInvalid(`it is declared as ${declared} but its bytes are ${type}`);
    await this.dataSource.transaction(async (manager) => {
      const [entry]: { content: Buffer; stored: boolean }[] = await manager.query(
        `SELECT e.content, EXISTS (SELECT 1 FROM tip_photos p WHERE p.entry_id = e.id) AS stored
         FROM tip_entries e JOIN tips t ON t.id = e.tip_id
         WHERE e.id = $1 AND e.kind = 'photo' AND t.content_deleted_at IS NULL
         FOR UPDATE OF e`,
        [entryId],
      );
      if (!entry) throw TipsErrors.photoNothingToFetch();
      if (entry.stored) return;
      await manager.query(
        `INSERT INTO tip_photos (entry_id, mime_type, size_bytes, content) VALUES ($1, $2, $3, $4)`,
        [entryId, type, body.length, cipher.sealBytes(body, `tip_photo:${entryId}`)],
      );
      const { fileRef: _dropped, ...kept } = JSON.parse(
        cipher.open(entry.content, `tip_entry:${entryId}`),
      ) as TipPhoto;
      await manager.query(`UPDATE tip_entries SET content = $2 WHERE id = $1`, [
        entryId,
        cipher.seal(JSON.stringify({ ...kept, mimeType: type }), `tip_entry:${entryId}`),
      ]);
    });
  }

  /** A report's stored photo, for the police serving its area; the view is audited. */
  async view(actor: Actor, tipId: string, entryId: string): Promise<OpenedTipPhoto> {
    const cipher = this.tips.cipher;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const tip = await this.tips.readableTip(manager, actor.user, tipId);
        const [photo]: { mime_type: TipPhotoType; content: Buffer }[] = await manager.query(
          `SELECT p.mime_type, p.content FROM tip_entries e JOIN tip_photos p ON p.entry_id = e.id
           WHERE e.id = $1 AND e.tip_id = $2`,
          [entryId, tipId],
        );
        if (!photo) throw TipsErrors.photoNotStored();
        await this.audit.record(manager, actor, {
          action: 'tip.photo_viewed',
          entityType: 'tip',
          entityId: tipId,
          after: { code: tip.code, entry: entryId },
        });
        return {
          mimeType: TIP_PHOTO_TYPES.includes(photo.mime_type) ? photo.mime_type : 'image/jpeg',
          content: cipher.openBytes(photo.content, `tip_photo:${entryId}`),
        };
      });
    } catch (error) {
      if (!(error instanceof TipKeyMissingError)) throw error;
      this.logger.error(error.message);
      throw TipsErrors.keyMissing(error.keyId);
    }
  }
}

function entryIdOf(key: string): string {
  const match = KEY.exec(key);
  if (!match) throw TipsErrors.photoNothingToFetch();
  return match[1].toLowerCase();
}
