import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: confidential reports to the police. `tips` holds what anyone may know of a report
 * (code, area, dates, status) and, sealed with AES-256-GCM, how to reach the person; `tip_entries`
 * the sealed content, one row per message, photo or police reply. The police's replies go out
 * through the outbox as kind `tip_reply`.
 */
export class Tips1766800000000 implements MigrationInterface {
  name = 'Tips1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tips (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) UNIQUE,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','new','read','replied')),
        area_unit_id uuid REFERENCES units(id),
        anonymous boolean NOT NULL DEFAULT true,
        contact bytea,
        channel varchar(16) NOT NULL,
        conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        last_added_at timestamptz,
        content_deleted_at timestamptz,
        CHECK (status = 'draft' OR (code IS NOT NULL AND area_unit_id IS NOT NULL AND submitted_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX tips_submitted_at ON tips (submitted_at DESC) WHERE status <> 'draft'`,
    );
    await q.query(`CREATE INDEX tips_area ON tips (area_unit_id)`);
    await q.query(`
      CREATE TABLE tip_entries (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        tip_id uuid NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('description','addition','photo','reply')),
        author_id uuid REFERENCES users(id),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX tip_entries_tip ON tip_entries (tip_id, seq)`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review','reply','tip_reply'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE kind = 'tip_reply'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review','reply'))`);
    await q.query(`DROP TABLE tip_entries`);
    await q.query(`DROP TABLE tips`);
  }
}
