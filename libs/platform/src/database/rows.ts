import type { DataSource, EntityManager } from 'typeorm';

/**
 * The rows a statement returned, whatever its kind: TypeORM answers UPDATE … RETURNING with
 * [rows, count] but SELECT and INSERT with rows, which is easy to get wrong.
 */
export async function rows<T>(on: DataSource | EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const manager = 'manager' in on ? on.manager : on;
  const runner = manager.queryRunner;
  if (runner) return ((await runner.query(sql, parameters, true)) as { records: T[] }).records;
  const own = manager.connection.createQueryRunner();
  try {
    return ((await own.query(sql, parameters, true)) as { records: T[] }).records;
  } finally {
    await own.release();
  }
}
