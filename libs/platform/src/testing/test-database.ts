import pg from 'pg';
import { randomBytes } from 'node:crypto';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

const ADMIN_URL = () => process.env['TEST_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A throw-away database per test file, so test files, test runs and a running dev stack never see
 * each other's rows. Dropped with FORCE because a failed test may leave connections behind.
 */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `airtime_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL());
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
