import { MigrationInterface, QueryRunner } from 'typeorm';

/** Units, staff accounts, sessions and the audit log; the text-search extensions. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(200) NOT NULL,
        kind varchar(32) NOT NULL CHECK (kind IN
          ('province','district','commune','department','office','police','military','mass_organisation')),
        parent_id uuid REFERENCES units(id),
        contact_name varchar(120),
        contact_phone varchar(32),
        contact_email varchar(254),
        address varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX units_code_key ON units (lower(code))`);
    await q.query(`CREATE INDEX units_parent_idx ON units (parent_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        full_name varchar(120) NOT NULL,
        role varchar(32) NOT NULL CHECK (role IN ('admin','editor','coordinator','unit_reporter','viewer')),
        unit_id uuid REFERENCES units(id),
        password_hash varchar(255) NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        is_active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_reporter_has_unit CHECK (role <> 'unit_reporter' OR unit_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        user_agent varchar(300),
        ip varchar(64)
      )`);
    await q.query(`CREATE UNIQUE INDEX sessions_token_key ON sessions (token_hash)`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid,
        actor_email varchar(254),
        action varchar(64) NOT NULL,
        entity_type varchar(32) NOT NULL,
        entity_id varchar(64),
        before jsonb,
        after jsonb,
        ip varchar(64),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, created_at DESC)`,
    );
    await q.query(`CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE units`);
  }
}
