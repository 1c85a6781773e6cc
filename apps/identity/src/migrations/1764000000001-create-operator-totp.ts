import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per operator phone: the last TOTP time step accepted (a code is good once) and failed codes, counted
 * apart from PIN failures so that a successful PIN-only login does not reset them.
 */
export class CreateOperatorTotp1764000000001 implements MigrationInterface {
  name = 'CreateOperatorTotp1764000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE operator_totp (
        phone varchar(15) PRIMARY KEY,
        last_step bigint NOT NULL DEFAULT 0,
        failures int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE operator_totp');
  }
}
