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
});
