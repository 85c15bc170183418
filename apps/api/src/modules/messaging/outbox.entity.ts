import type { BotReply, Channel, OutboxKind } from '@gcm/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** A message the API sends on its own initiative; bot instances claim and deliver it. */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OutboxKind;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ name: 'chat_id', type: 'varchar', length: 128 })
  chatId: string;

  /** Empty for a sealed message: its replies are in `sealedReplies`. */
  @Column({ type: 'jsonb' })
  replies: BotReply[];

  /** A confidential message's replies, sealed (TipCipher, `outbox:<id>`); erased once done. */
  @Column({ name: 'sealed_replies', type: 'bytea', nullable: true, select: false })
  sealedReplies?: Buffer | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Platform messages of `replies` that went out in earlier deliveries: the next sends the rest. */
  @Column({ name: 'sent_parts', type: 'integer', default: 0 })
  sentParts: number;

  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  /** The current claim (a new one each time the item is claimed): reports must name it. */
  @Column({ name: 'claim_id', type: 'uuid', nullable: true })
  claimId: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** Failed because of the person (blocked the bot, unfollowed, gone): counted apart. */
  @Column({ type: 'boolean', default: false })
  unreachable: boolean;

  @Column({ name: 'broadcast_id', type: 'uuid', nullable: true })
  broadcastId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
