import nx from '@nx/eslint-plugin';

// Each project has a type (app, lib, e2e) and a scope: one per service, `shared` for what every
// service may use (contracts, money, phone, platform), `upstreams` for what the upstreams speak
// (provider-adapters' business alone), `sim` for the simulators and the app that hosts them.
const SERVICES = {
  gateway: [],
  identity: [],
  wallet: [],
  orders: [],
  notifications: [],
  'provider-adapters': ['scope:upstreams'],
  // The tenant dashboard: a browser app on the public API, which may share only pure libs (money).
  dashboard: [],
};

/** What each scope may import. In tests a service may also stand the simulators and the upstreams' protocol in for the outside world. */
function depConstraints({ tests }) {
  return [
    // Apps talk to each other over NATS only; what two apps share lives in a lib.
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
    { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:upstreams', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:sim', onlyDependOnLibsWithTags: ['scope:shared', 'scope:upstreams', 'scope:sim'] },
    { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:upstreams', 'scope:sim'] },
    ...Object.entries(SERVICES).map(([service, also]) => ({
      sourceTag: `scope:${service}`,
      onlyDependOnLibsWithTags: tests ? ['scope:shared', 'scope:upstreams', 'scope:sim'] : ['scope:shared', ...also],
    })),
  ];
}

const moduleBoundaries = (tests) => ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: depConstraints({ tests }) }];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/*.js', '**/*.mjs', '**/*.cjs', '**/graphql/generated'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(false),
      // Config classes spell out `: number` because decorator metadata (and so env conversion) needs it.
      '@typescript-eslint/no-inferrable-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests and their helpers, which no app's build ships.
    files: ['**/*.spec.ts', '**/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(true) },
  },
];
