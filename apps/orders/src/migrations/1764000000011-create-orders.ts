import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrders1764000000011 implements MigrationInterface {
  name = 'CreateOrders1764000000011';

  async up(db: QueryRunner): Promise<void> {
    // Internal states: created → debited → dispatching → success | failed → refunded | unknown;
    // rejected when the debit is refused. A lease marks the one process advancing an order.
    await db.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        account_id uuid NOT NULL,
        mode varchar(4) NOT NULL CHECK (mode IN ('live', 'test')),
        agent_reference text NOT NULL,
        request_hash char(64) NOT NULL,
        product_id int NOT NULL REFERENCES products (id),
        kind text NOT NULL,
        country char(2) NOT NULL,
        network text NOT NULL,
        upstream text NOT NULL,
        upstream_product text,
        target text NOT NULL,
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        custom_sms text,
        status text NOT NULL CHECK (status IN ('created', 'debited', 'dispatching', 'success', 'failed', 'refunded', 'unknown', 'rejected')),
        provider_ref text,
        pin text,
        serial text,
        ussd text,
        token text,
        customer_name text,
        error_code text,
        message text,
        needs_attention boolean NOT NULL DEFAULT false,
        lease_until timestamptz,
        last_checked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT orders_account_reference_key UNIQUE (account_id, mode, agent_reference)
      )`);
    await db.query(`CREATE INDEX orders_account_seq ON orders (account_id, mode, seq DESC)`);
    await db.query(`CREATE INDEX orders_open ON orders (updated_at) WHERE status IN ('created', 'debited', 'dispatching', 'unknown', 'failed')`);

    // The outbox: written in the same transaction as the status change, published to JetStream after.
    await db.query(`
      CREATE TABLE order_events (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        order_id uuid NOT NULL REFERENCES orders (id),
        account_id uuid NOT NULL,
        status text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await db.query(`CREATE INDEX order_events_unpublished ON order_events (id) WHERE published_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE order_events');
    await db.query('DROP TABLE orders');
  }
}
