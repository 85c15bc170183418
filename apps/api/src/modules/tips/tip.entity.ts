import type { Channel, TipEntryKind, TipStatus } from '@gcm/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A confidential report. What any staff member may know of it is in the clear (code, area,
 * dates, status); how to reach the person is sealed (`TipCipher`), and the content lives in
 * `tip_entries`, sealed too.
 */
@Entity('tips')
export class TipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The reference code the person keeps; null while the report is a draft. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  code: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: TipStatus;

  @Column({ name: 'area_unit_id', type: 'uuid', nullable: true })
  areaUnitId: string | null;

  @Column({ type: 'boolean', default: true })
  anonymous: boolean;

  /** Sealed; associated data `tip:<id>:contact`. */
  @Column({ type: 'bytea', nullable: true, select: false })
  contact?: Buffer | null;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  /** Where replies go; set to null with the content after the retention period. */
  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'last_added_at', type: 'timestamptz', nullable: true })
  lastAddedAt: Date | null;

  @Column({ name: 'content_deleted_at', type: 'timestamptz', nullable: true })
  contentDeletedAt: Date | null;
}

/** A piece of a report's content: a message, a photo (its chat reference) or a police reply. */
@Entity('tip_entries')
export class TipEntryEntity {
  /** Made by the API before sealing: the associated data is `tip_entry:<id>`. */
  @PrimaryColumn('uuid')
  id: string;

  /** The order the pieces came in (several may share a timestamp). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'tip_id', type: 'uuid' })
  tipId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: TipEntryKind;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  /** Sealed: the text, or for a photo a JSON of its reference, name, type and caption. */
  @Column({ type: 'bytea' })
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
