import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An abbreviation or synonym editors maintain (e.g. xkld ↔ xuất khẩu lao động). */
@Entity('synonyms')
export class SynonymEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  term: string;

  @Column({ type: 'text', array: true })
  expansions: string[];

  @Column({ type: 'boolean', default: false })
  mutual: boolean;

  /** Wider terms a mention also counts as (a country name also means "nước ngoài"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  broader: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An English ↔ Vietnamese term of the field (e.g. passport ↔ hộ chiếu). */
@Entity('glossary_terms')
export class GlossaryTermEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', array: true })
  en: string[];

  @Column({ type: 'text', array: true })
  vi: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
