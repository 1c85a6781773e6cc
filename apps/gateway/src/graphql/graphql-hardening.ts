import { Logger } from '@nestjs/common';
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayConfig } from '../config/gateway.config.js';

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
 * mode, no schema (introspection, GraphiQL, "Did you mean …") outside development.
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
    plugins: armor.plugins as unknown as ApolloServerPlugin[],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => PUBLIC_EXTENSIONS.has(key)));
      // Our own failures arrive already shaped by GatewayExceptionFilter; an unshaped one is a bug whose message may hold internals.
      if (extensions['code'] === 'INTERNAL_SERVER_ERROR') {
        logger.error(error instanceof Error ? error : String(error));
        return { message: 'Internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL' } };
      }
      return { ...formatted, extensions };
    },
  } satisfies Partial<ApolloServerOptions<object>> & { graphiql: boolean };
}
