import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue and its seed: product 100 is Econet airtime in USD so that 001's example works as printed. */
export class CreateCatalogue1764000000010 implements MigrationInterface {
  name = 'CreateCatalogue1764000000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE products (
        id int PRIMARY KEY,
        name text NOT NULL,
        country char(2) NOT NULL,
        network text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('airtime', 'data', 'voucher', 'electricity')),
        currency char(3) NOT NULL,
        min_minor bigint CHECK (min_minor > 0),
        max_minor bigint,
        denominations_minor bigint[],
        upstream text NOT NULL CHECK (upstream IN ('omega', 'africastalking', 'estoresms', 'tuti', 'zesa')),
        upstream_product text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT range_or_denominations CHECK (
          (denominations_minor IS NULL AND min_minor IS NOT NULL AND max_minor >= min_minor)
          OR (denominations_minor IS NOT NULL AND min_minor IS NULL AND max_minor IS NULL))
      )`);
    const products: [number, string, string, string, string, string, number | null, number | null, number[] | null, string][] = [
      [100, 'Econet airtime (USD)', 'ZW', 'econet', 'airtime', 'USD', 10, 10_000, null, 'omega'],
      [101, 'NetOne airtime (USD)', 'ZW', 'netone', 'airtime', 'USD', 10, 10_000, null, 'omega'],
      [102, 'Telecel airtime (USD)', 'ZW', 'telecel', 'airtime', 'USD', 10, 10_000, null, 'omega'],
      [103, 'Econet airtime (ZWG)', 'ZW', 'econet', 'airtime', 'ZWG', 100, 500_000, null, 'omega'],
      [104, 'NetOne airtime (ZWG)', 'ZW', 'netone', 'airtime', 'ZWG', 100, 500_000, null, 'omega'],
      [105, 'Telecel airtime (ZWG)', 'ZW', 'telecel', 'airtime', 'ZWG', 100, 500_000, null, 'omega'],
      [110, 'Econet data bundle (USD)', 'ZW', 'econet', 'data', 'USD', null, null, [100, 200, 500, 1000], 'omega'],
      [111, 'NetOne data bundle (USD)', 'ZW', 'netone', 'data', 'USD', null, null, [100, 200, 500, 1000], 'omega'],
      [120, 'ZESA prepaid electricity (USD)', 'ZW', 'zesa', 'electricity', 'USD', 100, 50_000, null, 'zesa'],
      [121, 'ZESA prepaid electricity (ZWG)', 'ZW', 'zesa', 'electricity', 'ZWG', 1_000, 5_000_000, null, 'zesa'],
      [200, 'Safaricom airtime', 'KE', 'safaricom', 'airtime', 'KES', 1_000, 1_000_000, null, 'africastalking'],
      [201, 'Airtel Kenya airtime', 'KE', 'airtel', 'airtime', 'KES', 1_000, 1_000_000, null, 'africastalking'],
      // eStoreSMS: N50 to N50,000 per PIN, as its document states.
      [300, 'MTN Nigeria airtime PIN', 'NG', 'mtn', 'voucher', 'NGN', 5_000, 5_000_000, null, 'estoresms'],
      [301, 'Airtel Nigeria airtime PIN', 'NG', 'airtel', 'voucher', 'NGN', 5_000, 5_000_000, null, 'estoresms'],
      [302, 'Glo airtime PIN', 'NG', 'glo', 'voucher', 'NGN', 5_000, 5_000_000, null, 'estoresms'],
      [303, '9mobile airtime PIN', 'NG', '9mobile', 'voucher', 'NGN', 5_000, 5_000_000, null, 'estoresms'],
      [400, 'Zain Sudan airtime', 'SD', 'zain', 'airtime', 'SDG', 100, 1_000_000, null, 'tuti'],
      [401, 'MTN Sudan airtime', 'SD', 'mtn', 'airtime', 'SDG', 100, 1_000_000, null, 'tuti'],
      [402, 'Sudani airtime', 'SD', 'sudani', 'airtime', 'SDG', 100, 1_000_000, null, 'tuti'],
    ];
    for (const [id, name, country, network, kind, currency, min, max, denominations, upstream] of products) {
      await db.query(
        `INSERT INTO products (id, name, country, network, kind, currency, min_minor, max_minor, denominations_minor, upstream)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, name, country, network, kind, currency, min, max, denominations, upstream],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE products');
  }
}
