import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the list of enterprises licensed to send workers abroad, as staff last imported it
 * (each import replaces the companies), and one row per import with the list's date.
 */
export class LicensedCompanies1766100000001 implements MigrationInterface {
  name = 'LicensedCompanies1766100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE company_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_date date,
        source varchar(200),
        sample boolean NOT NULL DEFAULT false,
        company_count integer NOT NULL,
        imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE licensed_companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL REFERENCES company_lists(id) ON DELETE CASCADE,
        name varchar(300) NOT NULL,
        licence_number varchar(64) NOT NULL,
        licensed_on date,
        status varchar(16) NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
        address varchar(300)
      )`);
    await q.query(`CREATE INDEX licensed_companies_list_idx ON licensed_companies (list_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE licensed_companies`);
    await q.query(`DROP TABLE company_lists`);
  }
}
