import type { CompanyStatus } from '@gcm/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One import of the licensed enterprises list (migration 1766100000001); the newest is current. */
@Entity('company_lists')
export class CompanyListEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The day the ministry's list is dated, as staff gave it. */
  @Column({ name: 'list_date', type: 'date', nullable: true })
  listDate: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @Column({ type: 'boolean', default: false })
  sample: boolean;

  @Column({ name: 'company_count', type: 'integer' })
  companyCount: number;

  @Column({ name: 'imported_by', type: 'uuid', nullable: true })
  importedBy: string | null;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;
}

/** An enterprise of the current list. */
@Entity('licensed_companies')
export class LicensedCompanyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ name: 'licence_number', type: 'varchar', length: 64 })
  licenceNumber: string;

  @Column({ name: 'licensed_on', type: 'date', nullable: true })
  licensedOn: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: CompanyStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;
}
