import type { EntityManager } from 'typeorm';

/** The rows a statement returned, whatever its kind (TypeORM shapes UPDATE … RETURNING differently). */
export async function rows<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const runner = manager.queryRunner;
  if (runner) return ((await runner.query(sql, parameters, true)) as { records: T[] }).records;
  return manager.transaction(async (inner) => rows<T>(inner, sql, parameters));
}
