import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Omega's API (seed 000) sells airtime only, so the Econet and NetOne data bundles it was meant to
 * serve cannot be delivered: withdrawn until an upstream that sells bundles is connected, rather than
 * taking money for orders that can only fail and be refunded.
 */
export class WithdrawDataBundles1764000000012 implements MigrationInterface {
  name = 'WithdrawDataBundles1764000000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE products SET active = false, updated_at = now() WHERE id IN (110, 111)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE products SET active = true, updated_at = now() WHERE id IN (110, 111)`);
  }
}
