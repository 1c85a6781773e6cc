import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrateSchema } from './migrate-schema.js';

/** For TypeOrmModule's dataSourceFactory: a service starts only on an up-to-date schema. */
export async function createMigratedDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  const schema = (options as { schema?: string }).schema ?? 'public';
  try {
    await migrateSchema(dataSource, schema);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
