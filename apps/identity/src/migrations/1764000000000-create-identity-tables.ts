import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityTables1764000000000 implements MigrationInterface {
  name = 'CreateIdentityTables1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(14) NOT NULL CONSTRAINT accounts_number_key UNIQUE,
        name varchar(200) NOT NULL,
        type varchar(50) NOT NULL,
        level varchar(50) NOT NULL,
        contact_name varchar(200) NOT NULL,
        contact_email varchar(254) NOT NULL,
        contact_phone varchar(15) NOT NULL,
        address varchar(500) NOT NULL,
        city varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id),
        first_name varchar(100) NOT NULL,
        last_name varchar(100) NOT NULL,
        email varchar(254) NOT NULL,
        phone varchar(15) NOT NULL CONSTRAINT users_phone_key UNIQUE,
        pin_hash text NOT NULL,
        pin_changed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX users_account_id_idx ON users (account_id)`);
    await db.query(`
      CREATE TABLE pin_attempts (
        phone varchar(15) PRIMARY KEY,
        failures int NOT NULL,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id),
        created_by uuid NOT NULL REFERENCES users (id),
        name varchar(100) NOT NULL,
        prefix varchar(20) NOT NULL,
        key_hash char(64) NOT NULL CONSTRAINT api_keys_key_hash_key UNIQUE,
        mode varchar(4) NOT NULL CHECK (mode IN ('live', 'test')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_keys_account_id_idx ON api_keys (account_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE api_keys');
    await db.query('DROP TABLE pin_attempts');
    await db.query('DROP TABLE users');
    await db.query('DROP TABLE accounts');
  }
}
