import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** A one-time code that links a chat account to a unit's staff user; only its hash is kept. */
@Entity('link_codes')
export class LinkCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** SHA-256 of the canonical code, hex. */
  @Column({ name: 'code_hash', type: 'char', length: 64, select: false })
  codeHash: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'used_channel', type: 'varchar', length: 16, nullable: true })
  usedChannel: string | null;

  @Column({ name: 'used_chat_id', type: 'varchar', length: 128, nullable: true })
  usedChatId: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A wrong code typed in a chat: counted for the guessing limits, kept a day. */
@Entity('link_code_failures')
export class LinkCodeFailureEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ name: 'chat_id', type: 'varchar', length: 128 })
  chatId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
