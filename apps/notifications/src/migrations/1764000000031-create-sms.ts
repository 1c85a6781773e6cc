import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outgoing SMS, durable and retried. Bodies can hold PINs, so they are sealed, never stored in clear. */
export class CreateSms1764000000031 implements MigrationInterface {
  name = 'CreateSms1764000000031';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sms_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL CONSTRAINT sms_messages_idempotency_key_key UNIQUE,
        purpose text NOT NULL,
        recipient text NOT NULL,
        body_sealed text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempt_count int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        provider_message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX sms_messages_due ON sms_messages (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sms_messages');
  }
}
