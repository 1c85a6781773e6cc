import type { ApolloDriverConfig } from '@nestjs/apollo';

/**
 * How the code-first schema is built. The app and the generator of apps/gateway/schema.graphql
 * (schema-file.ts) both read this, so what the file shows is what the gateway serves.
 */
export const schemaBuild: Pick<ApolloDriverConfig, 'autoSchemaFile' | 'sortSchema' | 'buildSchemaOptions'> = {
  // In memory: the committed file is written by `nx run gateway:schema`, never by a running gateway.
  autoSchemaFile: true,
  sortSchema: true,
};
