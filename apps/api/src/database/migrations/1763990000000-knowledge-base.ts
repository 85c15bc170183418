import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base (topics, FAQs with versions, articles and warnings, the synonym
 * dictionary and the bilingual glossary), the question log and the handoff inbox.
 * `knowledge_state` holds two revisions that every write bumps (under the row's lock, so
 * revisions commit in order) and stamps on the rows it changed; each API instance compares
 * them before answering and loads what changed, so a change reaches every instance at once.
 */
export class KnowledgeBase1763990000000 implements MigrationInterface {
  name = 'KnowledgeBase1763990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE knowledge_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        faq_revision bigint NOT NULL DEFAULT 0,
        dictionary_revision bigint NOT NULL DEFAULT 0,
        dictionary_seeded boolean NOT NULL DEFAULT false
      )`);
    await q.query(`INSERT INTO knowledge_state (id) VALUES (1)`);

    await q.query(`
      CREATE TABLE topics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        name_en varchar(120),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX topics_name_key ON topics (lower(name))`);

    await q.query(`
      CREATE TABLE faqs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key varchar(64),
        topic_id uuid NOT NULL REFERENCES topics(id),
        question varchar(500) NOT NULL,
        alternates text[] NOT NULL DEFAULT '{}',
        answer text NOT NULL,
        question_en varchar(500),
        answer_en text,
        alternates_en text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        sources text[] NOT NULL DEFAULT '{}',
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','archived')),
        needs_review boolean NOT NULL DEFAULT false,
        reviewed_at timestamptz,
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        revision bigint NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX faqs_key_key ON faqs (key) WHERE key IS NOT NULL`);
    await q.query(`CREATE INDEX faqs_revision_idx ON faqs (revision)`);
    await q.query(`CREATE INDEX faqs_topic_idx ON faqs (topic_id)`);

    await q.query(`
      CREATE TABLE faq_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        faq_id uuid NOT NULL REFERENCES faqs(id) ON DELETE CASCADE,
        version integer NOT NULL,
        snapshot jsonb NOT NULL,
        changed_by uuid,
        changed_by_email varchar(254),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (faq_id, version)
      )`);

    await q.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('article','warning')),
        title varchar(300) NOT NULL,
        body text NOT NULL,
        topic_id uuid REFERENCES topics(id),
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','archived')),
        published_at timestamptz,
        created_by uuid REFERENCES users(id),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE synonyms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term varchar(120) NOT NULL,
        expansions text[] NOT NULL DEFAULT '{}',
        mutual boolean NOT NULL DEFAULT false,
        broader text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX synonyms_term_key ON synonyms (lower(term))`);

    await q.query(`
      CREATE TABLE glossary_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        en text[] NOT NULL,
        vi text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE question_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel varchar(16) NOT NULL,
        text varchar(1000) NOT NULL,
        normalised varchar(1000) NOT NULL,
        locale varchar(2) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('answered','ambiguous','no_answer')),
        confidence real NOT NULL,
        faq_id uuid REFERENCES faqs(id),
        suggestions jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX question_log_created_idx ON question_log (created_at DESC)`);

    await q.query(`
      CREATE TABLE handoff_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_log_id uuid REFERENCES question_log(id),
        channel varchar(16) NOT NULL,
        question varchar(1000) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      )`);
    await q.query(`CREATE INDEX handoff_items_status_idx ON handoff_items (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'handoff_items',
      'question_log',
      'glossary_terms',
      'synonyms',
      'articles',
      'faq_versions',
      'faqs',
      'topics',
      'knowledge_state',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
