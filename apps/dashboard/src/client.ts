import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';

/**
 * A GraphQL client for one session: queries and mutations over HTTP to /graphql, subscriptions over
 * graphql-ws on the same path, both carrying the session's bearer token. The page's own origin serves
 * both (the dashboard's server forwards them to the gateway).
 */
export function createGraphqlClient(token: string | null): Client {
  const authorization = token ? `Bearer ${token}` : undefined;
  const ws = createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    connectionParams: authorization ? { Authorization: authorization } : {},
  });
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // Queries go as POSTs with a JSON body, like mutations: the gateway refuses simple GETs (CSRF prevention).
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: authorization ? { authorization } : {} }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
