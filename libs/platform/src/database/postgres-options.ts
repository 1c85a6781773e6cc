import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface PostgresOptionsInput {
  url: string;
  schema: string;
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** A service's connection: its own schema, its own migrations table, never synchronize. */
export function postgresOptions(input: PostgresOptionsInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    schema: input.schema,
    entities: input.entities,
    migrations: input.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: {
      max: input.poolSize ?? 10,
      application_name: input.applicationName,
      // Raw SQL in a service names its tables unqualified; they resolve to the service's own schema.
      options: `-c search_path=${input.schema}`,
    },
  };
}
