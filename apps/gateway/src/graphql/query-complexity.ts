import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * A document's cost counted with the page sizes it asks for (graphql-query-complexity): a connection
 * costs its items times what each item asks, so `orders(first: 100) { … batch { orders(first: 100) } }`
 * is 10,000 orders' worth and refused, where graphql-armor's static cost sees two fields. Counted once
 * the operation and its variables are known, before anything executes.
 */
export function queryComplexityPlugin(maximum: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              ...(request.operationName ? { operationName: request.operationName } : {}),
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit the operation: execution refuses them in GraphQL's own words
            // (BAD_USER_INPUT) before any resolver runs, so there is nothing to count.
            return;
          }
          if (complexity > maximum) {
            throw new GraphQLError(`Query complexity of ${complexity} exceeds the limit of ${maximum}: ask for smaller pages or fewer nested lists`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
