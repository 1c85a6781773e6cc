import { GraphQLError } from 'graphql';
import { GatewayConfig } from '../config/gateway.config.js';
import { graphqlHardening, isDevelopment } from './graphql-hardening.js';

const config = (NODE_ENV: GatewayConfig['NODE_ENV']) => Object.assign(new GatewayConfig(), { NODE_ENV });

describe('graphqlHardening', () => {
  it('treats only NODE_ENV=development as development: unset is production', () => {
    expect(isDevelopment(config('development'), { NODE_ENV: 'development' })).toBe(true);
    expect(isDevelopment(config('development'), {})).toBe(false);
    expect(isDevelopment(config('test'), { NODE_ENV: 'test' })).toBe(false);
    expect(isDevelopment(config('production'), { NODE_ENV: 'production' })).toBe(false);
  });

  it('turns introspection and GraphiQL off outside development, and stack traces off in every mode', () => {
    const hardened = graphqlHardening(config('production'));
    expect(hardened).toMatchObject({ introspection: false, graphiql: false, includeStacktraceInErrorResponses: false, allowBatchedHttpRequests: false });
    expect(hardened.validationRules.length).toBeGreaterThanOrEqual(3);
    expect(hardened.parseOptions).toEqual({ maxTokens: 1000 });
  });

  it('keeps only public extensions, and hides the message of an error nothing shaped', () => {
    const { formatError } = graphqlHardening(config('production'));
    const shaped = formatError(
      { message: 'Too many recharges', path: ['a'], extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12, stacktrace: ['at /srv/app/dist/x.js:1'], exception: { sql: 'SELECT' } } },
      new Error('Too many recharges'),
    );
    expect(shaped).toEqual({ message: 'Too many recharges', path: ['a'], extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12 } });
    const raw = formatError(
      { message: 'relation "orders.orders" does not exist', path: ['b'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at /srv/app/dist/y.js:2'] } },
      new Error('relation "orders.orders" does not exist'),
    );
    expect(raw).toEqual({ message: 'Internal error', path: ['b'], extensions: { code: 'INTERNAL' } });
  });

  it("tells the client Apollo's own refusals of a request, which carry an HTTP 4xx and no code", () => {
    const { formatError } = graphqlHardening(config('production'));
    const mismatch = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(formatError({ message: mismatch.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, mismatch)).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('keeps automatic persisted queries in a bounded cache of their own, with a TTL', async () => {
    const { persistedQueries } = graphqlHardening(Object.assign(config('production'), { GRAPHQL_APQ_CACHE_MB: 1, GRAPHQL_APQ_TTL_SECONDS: 600 }));
    expect(persistedQueries.ttl).toBe(600);
    const document = (n: number) => `query Q${n} { ${'__typename '.repeat(20_000)}}`;
    for (let n = 0; n < 10; n++) await persistedQueries.cache.set(`q${n}`, document(n), { ttl: 600 });
    // 10 documents of 220 kB into 1 MiB: the oldest are dropped, the newest kept.
    expect(await persistedQueries.cache.get('q0')).toBeUndefined();
    expect(await persistedQueries.cache.get('q9')).toBe(document(9));
  });
});
