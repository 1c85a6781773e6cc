import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The dashboard's operations, typed from the gateway's committed schema into a gitignored folder
 * (`npx nx run dashboard:codegen`; typecheck and build run it first). The dashboard uses nothing but
 * the public graph, so a schema change that breaks one of its operations fails here or in typecheck.
 */
const config: CodegenConfig = {
  schema: 'apps/gateway/schema.graphql',
  documents: ['apps/dashboard/src/graphql/*.graphql'],
  generates: {
    'apps/dashboard/src/graphql/generated/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, enumType: 'string-literal', strictScalars: true, scalars: { ID: 'string' } },
    },
  },
};

export default config;
