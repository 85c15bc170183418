import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The photos of confidential reports, kept by the API rather than only on the chat platform:
 * `tip_photos` holds each photo's bytes sealed with the tips' key (AES-256-GCM), one row per
 * photo entry, deleted with the entry (retention, a discarded draft). A bot instance fetches the
 * photo through the outbox, as kind `fetch_file` whose chat_id is the file's key
 * (`tip_photo:<entry id>`); the index finds the fetch of an entry. The photos of reports sent
 * before are queued for fetching too.
 */
export class TipPhotos1766900000000 implements MigrationInterface {
  name = 'TipPhotos1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tip_photos (
        entry_id uuid PRIMARY KEY REFERENCES tip_entries(id) ON DELETE CASCADE,
        mime_type varchar(32) NOT NULL CHECK (mime_type IN ('image/jpeg','image/png','image/webp')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review','reply','tip_reply','fetch_file'))`);
    await q.query(
      `CREATE INDEX outbox_fetch_file_idx ON outbox (chat_id) WHERE kind = 'fetch_file'`,
    );
    // The photos of reports sent before: fetched too, while the platform still has them.
    await q.query(`
      INSERT INTO outbox (kind, channel, chat_id, replies)
      SELECT 'fetch_file', t.channel, 'tip_photo:' || e.id, '[]'::jsonb
      FROM tip_entries e JOIN tips t ON t.id = e.tip_id
      WHERE e.kind = 'photo' AND t.channel IN ('telegram', 'zalo') AND t.content_deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_fetch_file_idx`);
    await q.query(`DELETE FROM outbox WHERE kind = 'fetch_file'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review','reply','tip_reply'))`);
    await q.query(`DROP TABLE tip_photos`);
  }
}
