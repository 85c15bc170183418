import type { Channel } from '@gcm/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A channel's current access and refresh tokens. Secrets: never logged, audited or shown to staff. */
@Entity('channel_tokens')
export class ChannelTokensEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ name: 'access_token', type: 'text' })
  accessToken: string;

  @Column({ name: 'refresh_token', type: 'text', nullable: true })
  refreshToken: string | null;

  @Column({ name: 'access_expires_at', type: 'timestamptz', nullable: true })
  accessExpiresAt: Date | null;

  /** A bigint: the driver answers it as a string. */
  @Column({ type: 'bigint' })
  revision: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
