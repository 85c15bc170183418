import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations with citizens on the channels and their messages, each channel update recorded once, answer
 * feedback, warning subscriptions, broadcasts, and the outbox the bot instances deliver.
 */
export class ConversationsAndOutbox1764000000000 implements MigrationInterface {
  name = 'ConversationsAndOutbox1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel varchar(16) NOT NULL,
        chat_id varchar(128) NOT NULL,
        user_id varchar(128) NOT NULL,
        display_name varchar(200),
        state jsonb NOT NULL DEFAULT '{}',
        unreachable_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (channel, chat_id)
      )`);

    await q.query(`
      CREATE TABLE bot_updates (
        channel varchar(16) NOT NULL,
        update_id varchar(128) NOT NULL,
        conversation_id uuid NOT NULL REFERENCES conversations(id),
        event jsonb NOT NULL,
        replies jsonb NOT NULL DEFAULT '[]',
        received_at timestamptz NOT NULL DEFAULT now(),
        resend_after timestamptz NOT NULL DEFAULT now() + interval '20 seconds',
        PRIMARY KEY (channel, update_id)
      )`);

    await q.query(`
      CREATE TABLE conversation_messages (
        seq bigserial PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations(id),
        direction varchar(3) NOT NULL CHECK (direction IN ('in','out')),
        text text,
        reply jsonb,
        handoff_id uuid REFERENCES handoff_items(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX conversation_messages_conv_idx ON conversation_messages (conversation_id, seq)`,
    );

    await q.query(
      `ALTER TABLE handoff_items ADD COLUMN conversation_id uuid REFERENCES conversations(id)`,
    );
    await q.query(`CREATE INDEX handoff_items_conversation_idx ON handoff_items (conversation_id)`);

    await q.query(`
      CREATE TABLE answer_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id),
        faq_id uuid NOT NULL REFERENCES faqs(id),
        useful boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id),
        topic_id uuid REFERENCES topics(id),
        locality_id uuid REFERENCES units(id),
        consent_text text NOT NULL,
        consented_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX subscriptions_active_idx ON subscriptions (conversation_id) WHERE cancelled_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE broadcasts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES articles(id),
        topic_id uuid REFERENCES topics(id),
        locality_id uuid REFERENCES units(id),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('staff_reply','broadcast','reminder','correction')),
        channel varchar(16) NOT NULL,
        chat_id varchar(128) NOT NULL,
        replies jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed')),
        attempts integer NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error varchar(500),
        broadcast_id uuid REFERENCES broadcasts(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX outbox_due_idx ON outbox (channel, available_at) WHERE status IN ('pending','sending')`,
    );
    await q.query(
      `CREATE INDEX outbox_broadcast_idx ON outbox (broadcast_id) WHERE broadcast_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX outbox_sending_chat_idx ON outbox (channel, chat_id) WHERE status = 'sending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'broadcasts',
      'subscriptions',
      'answer_feedback',
      'conversation_messages',
      'bot_updates',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE handoff_items DROP COLUMN conversation_id`);
    await q.query(`DROP TABLE conversations`);
  }
}
