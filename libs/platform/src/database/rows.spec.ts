import { DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { preparedRows, rows } from './rows.js';

// Real PostgreSQL, a database of this file's own; one pooled connection, so that a statement
// prepared by one call is the one the next call finds.
describe('rows and preparedRows', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('rows');
    db = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 1 } }).initialize();
    await db.query(`CREATE TABLE things (id serial PRIMARY KEY, name text NOT NULL UNIQUE, amount bigint NOT NULL)`);
  });

  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  beforeEach(() => db.query('TRUNCATE things'));

  async function preparedOnTheConnection(): Promise<string[]> {
    return (await rows<{ statement: string }>(db, `SELECT statement FROM pg_prepared_statements`)).map((r) => r.statement);
  }

  it('answers the rows of INSERT, UPDATE and SELECT alike, typed as pg types them', async () => {
    expect(await rows(db, `INSERT INTO things (name, amount) VALUES ($1, $2) RETURNING name, amount`, ['a', '10'])).toEqual([{ name: 'a', amount: '10' }]);
    expect(await rows(db, `UPDATE things SET amount = amount + 1 WHERE name = $1 RETURNING amount`, ['a'])).toEqual([{ amount: '11' }]);
    expect(await rows(db, `UPDATE things SET amount = 0 WHERE name = $1`, ['nobody'])).toEqual([]);
    expect(await rows(db.manager, `SELECT name FROM things`)).toEqual([{ name: 'a' }]);
  });

  it('prepares a statement once on the connection and reuses it, and leaves rows() unprepared', async () => {
    const insert = `INSERT INTO things (name, amount) VALUES ($1, $2) RETURNING *`;
    await rows(db, `SELECT 1`);
    expect(await preparedOnTheConnection()).toEqual([]);
    await preparedRows(db, insert, ['a', 1]);
    const [b] = await preparedRows<{ name: string }>(db, insert, ['b', 2]);
    expect(b?.name).toBe('b');
    expect((await preparedOnTheConnection()).filter((s) => s === insert)).toHaveLength(1);
  });

  it('fails as TypeORM does, with PostgreSQL’s error and code underneath, and writes nothing', async () => {
    await preparedRows(db, `INSERT INTO things (name, amount) VALUES ($1, $2)`, ['a', 1]);
    const failure = await preparedRows(db, `INSERT INTO things (name, amount) VALUES ($1, $2)`, ['a', 2]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { code: string }).code).toBe('23505');
    expect(((failure as QueryFailedError).driverError as { message: string }).message).toMatch(/duplicate key/);
    expect(await rows(db, `SELECT amount FROM things`)).toEqual([{ amount: '1' }]);
  });

  it('prepares again when a migration changed what a prepared RETURNING * answers', async () => {
    const insert = `INSERT INTO things (name, amount) VALUES ($1, $2) RETURNING *`;
    await preparedRows(db, insert, ['a', 1]);
    await db.query(`ALTER TABLE things ADD COLUMN note text NOT NULL DEFAULT 'new'`);
    try {
      // The same connection, the same name: PostgreSQL refuses the old plan; it is prepared anew.
      const [row] = await preparedRows<{ name: string; note: string }>(db, insert, ['b', 2]);
      expect(row).toMatchObject({ name: 'b', note: 'new' });
      expect(await preparedRows(db, insert, ['c', 3])).toHaveLength(1);
    } finally {
      await db.query(`ALTER TABLE things DROP COLUMN note`);
    }
  });

  it('runs inside a transaction on the transaction’s own connection, rolled back with it', async () => {
    await db.transaction(async (m) => {
      await preparedRows(m, `INSERT INTO things (name, amount) VALUES ($1, $2)`, ['in-tx', 1]);
      expect(await rows(m, `SELECT name FROM things`)).toEqual([{ name: 'in-tx' }]);
      throw new Error('roll back');
    }).catch(() => undefined);
    expect(await rows(db, `SELECT name FROM things`)).toEqual([]);
  });
});
