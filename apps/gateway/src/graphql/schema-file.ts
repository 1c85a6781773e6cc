import type { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, GraphQLSchemaHost, RESOLVER_TYPE_METADATA, SCALAR_NAME_METADATA } from '@nestjs/graphql';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { AppModule } from '../app.module.js';
import { GatewayConfig } from '../config/gateway.config.js';
import { schemaBuild } from './schema-build.js';

/** The committed SDL, relative to the workspace root. */
export const SCHEMA_FILE = 'apps/gateway/schema.graphql';

export const SCHEMA_FILE_HEADER = [
  "# The gateway's GraphQL schema, generated from its code by `npx nx run gateway:schema`: do not edit.",
  '# CI fails when this file differs from what the code generates (`npx nx run gateway:schema-check`).',
].join('\n');

type ModuleRef = Type | DynamicModule | ForwardReference | Promise<DynamicModule> | undefined;

/** The configuration the schema is generated under; nothing the schema depends on reads it, nothing connects. */
export function schemaConfig(): GatewayConfig {
  return Object.assign(new GatewayConfig(), { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://127.0.0.1/unused' });
}

/**
 * Every class a module reachable from `root` provides, found from the modules' metadata alone (no
 * provider is created, so NATS, PostgreSQL and Redis need not run). At run time @nestjs/graphql hands
 * the schema factory the classes of all providers of all modules too (ResolversExplorerService.getAllCtors),
 * and picks the resolvers among them; a resolver added to any module is found here the same way.
 */
export async function providerClasses(root: ModuleRef): Promise<Type[]> {
  const seen = new Set<unknown>();
  const classes = new Set<Type>();
  const visit = async (ref: ModuleRef): Promise<void> => {
    let module: unknown = ref instanceof Promise ? await ref : ref;
    if (module && typeof module === 'object' && 'forwardRef' in module) module = (module as ForwardReference).forwardRef();
    if (!module || seen.has(module)) return;
    seen.add(module);
    const dynamic = typeof module === 'object' ? (module as DynamicModule) : undefined;
    const type = (dynamic ? dynamic.module : module) as Type;
    const imports: ModuleRef[] = [...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) ?? []), ...(dynamic?.imports ?? [])];
    const providers: Provider[] = [...(Reflect.getMetadata(MODULE_METADATA.PROVIDERS, type) ?? []), ...(dynamic?.providers ?? [])];
    for (const provider of providers) {
      if (typeof provider === 'function') classes.add(provider);
      else if (provider && 'useClass' in provider) classes.add(provider.useClass);
    }
    for (const imported of imports) await visit(imported);
  };
  await visit(root);
  return [...classes];
}

export function isResolver(type: Type): boolean {
  return Reflect.getMetadataKeys(type).includes(RESOLVER_TYPE_METADATA);
}

/** The schema as the gateway's code defines it, built without starting the gateway. */
export async function schemaFromCode(root: ModuleRef = AppModule.register(schemaConfig())): Promise<GraphQLSchema> {
  const classes = await providerClasses(root);
  const scalars = classes.filter((type) => Reflect.getMetadata(SCALAR_NAME_METADATA, type));
  const builder = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false, abortOnError: false });
  try {
    return await builder.get(GraphQLSchemaFactory).create(classes, scalars, { ...schemaBuild.buildSchemaOptions });
  } finally {
    await builder.close();
  }
}

/**
 * The schema a started gateway serves, built by @nestjs/graphql's own path (the app context initialises
 * the GraphQL module as main.ts does). It needs NATS and Redis, as the gateway does on start.
 */
export async function schemaOfApp(config: GatewayConfig = schemaConfig()): Promise<GraphQLSchema> {
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: false, abortOnError: false });
  try {
    return app.get(GraphQLSchemaHost).schema;
  } finally {
    await app.close();
  }
}

/** The file's text: the header, then the schema with types and fields in lexicographic order. */
export function schemaFileText(schema: GraphQLSchema): string {
  return `${SCHEMA_FILE_HEADER}\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
