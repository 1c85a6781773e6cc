import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Module, type Type } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { AppModule } from '../app.module.js';
import { isResolver, providerClasses, SCHEMA_FILE_HEADER, schemaConfig } from './schema-file.js';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every source file of the gateway (tests aside) that declares a resolver class. */
function resolverFiles(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : resolverFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && readFileSync(file, 'utf8').includes('@Resolver(') ? [file] : [];
  });
}

@Resolver()
class LeafResolver {
  @Query(() => String) leaf() {
    return 'leaf';
  }
}
@Resolver()
class DynamicResolver {}
@Resolver()
class ForwardResolver {}
class NotAResolver {}
@Module({ providers: [ForwardResolver] })
class ForwardModule {}
@Module({ providers: [LeafResolver] })
class LeafModule {}
@Module({ imports: [LeafModule] })
class MiddleModule {}

describe('schema-file', () => {
  it('finds the providers of static, dynamic, forward-referenced and promised modules, and tells resolvers apart', async () => {
    const dynamic = Promise.resolve({ module: class DynamicHost {}, providers: [{ provide: 'x', useClass: DynamicResolver }, { provide: 'y', useValue: 1 }] });
    const classes = await providerClasses({ module: class Root {}, imports: [MiddleModule, dynamic, { forwardRef: () => ForwardModule }], providers: [NotAResolver] });
    expect(new Set(classes)).toEqual(new Set([NotAResolver, LeafResolver, DynamicResolver, ForwardResolver]));
    expect(classes.filter(isResolver)).toHaveLength(3);
  });

  // A resolver no module provides is missing from the served schema and from schema.graphql alike; this says so.
  it('reaches every resolver class of the gateway from AppModule', async () => {
    const provided = new Set(await providerClasses(AppModule.register(schemaConfig())));
    const files = resolverFiles();
    expect(files.length).toBeGreaterThan(0);
    const resolvers: [Type, string][] = [];
    for (const file of files) {
      for (const value of Object.values(await import(pathToFileURL(file).href)) as unknown[]) {
        if (typeof value === 'function' && isResolver(value as Type)) resolvers.push([value as Type, path.relative(src, file)]);
      }
    }
    expect(resolvers.length).toBeGreaterThanOrEqual(files.length);
    expect(resolvers.filter(([type]) => !provided.has(type)).map(([type, file]) => `${type.name} (${file})`)).toEqual([]);
  });

  it('starts the committed file with the generated header', () => {
    const committed = readFileSync(path.resolve(src, '../schema.graphql'), 'utf8');
    expect(committed.startsWith(`${SCHEMA_FILE_HEADER}\n\n`)).toBe(true);
  });
});
