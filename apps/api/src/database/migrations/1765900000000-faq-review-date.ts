import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12: the day a FAQ is due for review, so the console can list those overdue. */
export class FaqReviewDate1765900000000 implements MigrationInterface {
  name = 'FaqReviewDate1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE faqs ADD COLUMN review_due_on date`);
    await q.query(
      `CREATE INDEX faqs_review_due_on_idx ON faqs (review_due_on) WHERE review_due_on IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX faqs_review_due_on_idx`);
    await q.query(`ALTER TABLE faqs DROP COLUMN review_due_on`);
  }
}
