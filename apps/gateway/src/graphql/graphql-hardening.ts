import { Logger } from '@nestjs/common';
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GatewayConfig } from '../config/gateway.config.js';
import { queryComplexityPlugin } from './query-complexity.js';

/** Where GraphQL is served (queries and mutations over HTTP, subscriptions over WebSocket). */
export const GRAPHQL_PATH = '/graphql';

/**
 * Development means NODE_ENV=development said out loud: an unset NODE_ENV is production, whatever
 * default the config class gives it, so a forgotten setting never opens the schema to the internet.
 */
export function isDevelopment(config: GatewayConfig, env: NodeJS.ProcessEnv = process.env): boolean {
  return config.NODE_ENV === 'development' && env['NODE_ENV'] === 'development';
}

/** Extensions a client may see; anything else (stacktrace, exception, a library's internals) stays in the process. */
const PUBLIC_EXTENSIONS = new Set(['code', 'details', 'retryAfterSeconds']);

/**
 * Limits on what one GraphQL document may ask (graphql-armor: depth, aliases, cost, tokens,
 * directives), checked before anything executes, and no internals in errors: no stack traces in any
 * mode, no schema (introspection, GraphiQL, "Did you mean …") outside development; automatic
 * persisted queries in a bounded cache.
 */
export function graphqlHardening(config: GatewayConfig) {
  const development = isDevelopment(config);
  const logger = new Logger('GraphQL');
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH },
    // graphql-armor lets __typename be aliased freely; every alias is still work, so all count.
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, allowList: [] },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST },
    blockFieldSuggestion: { enabled: !development },
    // armor's token limit re-parses the document in a plugin hook, where a plain syntax error becomes
    // an unexpected error and a 500; graphql-js counts tokens in Apollo's own parse (parseOptions
    // below), so a broken or oversized document is a 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
  }).protect();
  return {
    introspection: development,
    graphiql: development,
    // graphql-armor's declarations name @apollo/server's CommonJS types; the plugins are the same objects.
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin[]), queryComplexityPlugin(config.GRAPHQL_MAX_COMPLEXITY)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    allowBatchedHttpRequests: false,
    // Automatic persisted queries (a client may send a document's SHA-256 instead of its text). A
    // document is stored only once it has parsed and passed validation, depth, alias and cost limits
    // included, which still run on every request. Anyone may register documents, so they live in a
    // cache of their own, bounded and per process: not in Redis, where they could crowd out the shared
    // rate-limit counters; a client whose hash another replica has not seen just sends the text again.
    persistedQueries: {
      // InMemoryLRUCache weighs a stored document by its length in characters.
      cache: new InMemoryLRUCache<string>({ maxSize: config.GRAPHQL_APQ_CACHE_MB * 1024 * 1024 }),
      ttl: config.GRAPHQL_APQ_TTL_SECONDS,
    },
    includeStacktraceInErrorResponses: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => PUBLIC_EXTENSIONS.has(key)));
      // Apollo refuses some requests with an HTTP 4xx and no code (a persisted query's hash that does not
      // match its text, an unknown persisted query version): the client's mistake, and told as such.
      if (extensions['code'] === 'INTERNAL_SERVER_ERROR' && isRequestError(error)) {
        return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
      }
      // Our own failures arrive already shaped by GatewayExceptionFilter; an unshaped one is a bug whose message may hold internals.
      if (extensions['code'] === 'INTERNAL_SERVER_ERROR') {
        logger.error(error instanceof Error ? error : String(error));
        return { message: 'Internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL' } };
      }
      return { ...formatted, extensions };
    },
  } satisfies Partial<ApolloServerOptions<object>> & { graphiql: boolean };
}

/** An error Apollo raised about the request itself, before anything ran: it names a 4xx HTTP status. */
function isRequestError(error: unknown): boolean {
  const status = error instanceof GraphQLError ? (error.extensions['http'] as { status?: unknown } | undefined)?.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}
