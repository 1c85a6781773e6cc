import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceName } from '@airtime/contracts';
import type { DatabaseServiceConfig } from '../config/service-config.js';
import { createMigratedDataSource } from './create-migrated-data-source.js';
import { postgresOptions, type PostgresOptionsInput } from './postgres-options.js';

/** TypeORM on the service's own schema (named after the service unless configured), migrated at start. */
export function serviceDatabaseModule(
  service: ServiceName,
  config: DatabaseServiceConfig,
  tables: Pick<PostgresOptionsInput, 'entities' | 'migrations'> = { entities: [], migrations: [] },
): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () =>
      postgresOptions({
        url: config.DATABASE_URL,
        schema: config.DATABASE_SCHEMA ?? service.replace(/-/g, '_'),
        applicationName: service,
        ...tables,
      }),
    dataSourceFactory: (options) => {
      if (!options) throw new Error(`${service}: no database options`);
      return createMigratedDataSource(options);
    },
  });
}
