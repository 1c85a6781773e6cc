import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the e2e flows, generated from the gateway's committed schema into a gitignored
 * folder (`npx nx run platform-e2e:codegen`, from the workspace root; typecheck and e2e run it first).
 * An operation that does not fit the schema fails here, and a flow that misuses an operation's
 * variables or result fails typecheck. A frontend team runs the same against apps/gateway/schema.graphql
 * with its own documents.
 */
const config: CodegenConfig = {
  schema: 'apps/gateway/schema.graphql',
  documents: ['apps/platform-e2e/src/graphql/*.graphql'],
  generates: {
    'apps/platform-e2e/src/graphql/generated/operations.ts': {
      // Per operation: its result and variables types and a TypedDocumentNode (`<Name>Document`) carrying both.
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, enumType: 'string-literal', strictScalars: true, scalars: { ID: 'string' } },
    },
  },
};

export default config;
