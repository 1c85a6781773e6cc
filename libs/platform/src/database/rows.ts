import { createHash } from 'node:crypto';
import type { Pool, QueryConfig } from 'pg';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

/**
 * The rows a statement returned, whatever its kind: TypeORM answers UPDATE … RETURNING with
 * [rows, count] but SELECT and INSERT with rows, which is easy to get wrong.
 *
 * Outside a transaction the statement goes straight to the pool, not through a TypeORM query runner
 * made and released for it (measured in docs/performance.md); a failure is still TypeORM's
 * QueryFailedError, carrying PostgreSQL's own error as `driverError`, as callers expect.
 */
export async function rows<T>(on: DataSource | EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return run<T>(on, sql, parameters, undefined);
}

/**
 * `rows`, as a named prepared statement on each pooled connection: PostgreSQL parses and plans it
 * once per connection instead of on every call. For the statements every order runs (its insert and
 * transitions, the debit, the dispatch records); their text must be one of a bounded set, since each
 * distinct text is kept on every connection. Inside a transaction it runs unprepared on the
 * transaction's own connection.
 */
export async function preparedRows<T>(on: DataSource | EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return run<T>(on, sql, parameters, statementName(sql));
}

async function run<T>(on: DataSource | EntityManager, sql: string, parameters: unknown[], name: string | undefined): Promise<T[]> {
  const manager = 'manager' in on ? on.manager : on;
  const runner = manager.queryRunner;
  if (runner) return ((await runner.query(sql, parameters, true)) as { records: T[] }).records;
  const pool = pgPoolOf(manager.connection);
  try {
    return (await pool.query<T & object>(queryConfig(sql, parameters, name))).rows;
  } catch (error) {
    // A migration that changed a table under a prepared `RETURNING *` (a rolling deploy: new columns
    // while this replica still runs) makes PostgreSQL refuse the old plan on every connection that
    // prepared it; the statement is prepared again under a new name, once.
    if (name && isStalePlan(error)) {
      generation++;
      names.clear();
      try {
        return (await pool.query<T & object>(queryConfig(sql, parameters, statementName(sql)))).rows;
      } catch (again) {
        throw new QueryFailedError(sql, parameters, again as Error);
      }
    }
    throw new QueryFailedError(sql, parameters, error as Error);
  }
}

function queryConfig(text: string, values: unknown[], name: string | undefined): QueryConfig {
  return name ? { name, text, values } : { text, values };
}

/**
 * TypeORM's pg pool for a PostgreSQL data source (its `master`; there are no read replicas here), for
 * statements outside a transaction and for work that needs one connection for several messages.
 */
export function pgPoolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as { master?: Pool }).master;
  if (!pool || typeof pool.query !== 'function') throw new Error('not a connected PostgreSQL data source');
  return pool;
}

function isStalePlan(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '0A000' && /cached plan must not change result type/.test(e.message ?? '');
}

/**
 * A statement's name: from its text (pg refuses one name for two texts on a connection) and the
 * generation, which moves on when PostgreSQL has refused a stale plan. The names are remembered for
 * a bounded number of texts; past the bound a text is still prepared, its name hashed each time.
 */
let generation = 0;
const names = new Map<string, string>();
const REMEMBERED_NAMES = 500;

function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `p${generation}_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
    if (names.size < REMEMBERED_NAMES) names.set(sql, name);
  }
  return name;
}

