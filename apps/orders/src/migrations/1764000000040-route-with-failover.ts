import type { MigrationInterface, QueryRunner } from 'typeorm';

const UPSTREAMS = `('omega', 'africastalking', 'estoresms', 'tuti', 'zesa')`;

/**
 * Routing with failover: the route table (an ordered list of upstreams per country, network and
 * kind), the upstreams an operator has drained, and each order's attempts. Nigerian airtime gets its
 * products and its first route: eStoreSMS (seed 003, whose records show airtime top-ups to phones)
 * first, Africa's Talking (seed 002) when eStoreSMS has certainly not delivered.
 */
export class RouteWithFailover1764000000040 implements MigrationInterface {
  name = 'RouteWithFailover1764000000040';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE routes (
        country char(2) NOT NULL,
        network text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('airtime', 'data', 'voucher', 'electricity')),
        upstream text NOT NULL CHECK (upstream IN ${UPSTREAMS}),
        priority int NOT NULL CHECK (priority >= 0),
        weight int NOT NULL DEFAULT 1 CHECK (weight >= 1),
        cost_bps int CHECK (cost_bps >= 0),
        cost_currency char(3),
        test_mode boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        PRIMARY KEY (country, network, kind, upstream)
      )`);
    await db.query(`
      CREATE TABLE upstream_drains (
        upstream text NOT NULL CHECK (upstream IN ${UPSTREAMS}),
        mode text NOT NULL CHECK (mode IN ('live', 'test')),
        reason text,
        drained_by text NOT NULL,
        drained_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (upstream, mode)
      )`);
    // Orders placed before this have no attempts recorded; their one upstream is the order's own.
    await db.query(`ALTER TABLE orders ADD COLUMN attempts jsonb NOT NULL DEFAULT '[]'::jsonb`);

    const networks: [number, string, string][] = [[310, 'mtn', 'MTN Nigeria airtime'], [311, 'airtel', 'Airtel Nigeria airtime'], [312, 'glo', 'Glo airtime'], [313, '9mobile', '9mobile airtime']];
    for (const [id, network, name] of networks) {
      await db.query(
        `INSERT INTO products (id, name, country, network, kind, currency, min_minor, max_minor, upstream)
         VALUES ($1, $2, 'NG', $3, 'airtime', 'NGN', 5000, 5000000, 'estoresms') ON CONFLICT (id) DO NOTHING`,
        [id, name, network],
      );
      await db.query(
        `INSERT INTO routes (country, network, kind, upstream, priority, weight, cost_bps, cost_currency, test_mode, updated_by)
         VALUES ('NG', $1, 'airtime', 'estoresms', 10, 1, 9800, 'NGN', true, 'migration'),
                ('NG', $1, 'airtime', 'africastalking', 20, 1, NULL, NULL, true, 'migration')`,
        [network],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM products WHERE id IN (310, 311, 312, 313) AND NOT EXISTS (SELECT 1 FROM orders WHERE product_id IN (310, 311, 312, 313))`);
    await db.query(`ALTER TABLE orders DROP COLUMN attempts`);
    await db.query(`DROP TABLE upstream_drains`);
    await db.query(`DROP TABLE routes`);
  }
}
