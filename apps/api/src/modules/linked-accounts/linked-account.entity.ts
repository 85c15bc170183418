import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';

/** A Telegram or Zalo account linked to a unit's staff user (one per user and channel). */
@Entity('linked_accounts')
export class LinkedAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  channel: 'telegram' | 'zalo';

  @Column({ name: 'chat_id', type: 'varchar', length: 128 })
  chatId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity)
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Column({ name: 'link_code_id', type: 'uuid', nullable: true })
  linkCodeId: string | null;

  @Column({ name: 'linked_at', type: 'timestamptz' })
  linkedAt: Date;
}
