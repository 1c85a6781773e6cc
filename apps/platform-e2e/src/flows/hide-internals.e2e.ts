import { balanceOf, fundedShop, reference } from '../support/orders.js';
import { e2eState } from '../support/e2e-state.js';
import { graphql, http } from '../support/platform-client.js';
import { onboardTenant } from '../support/tenants.js';

/** What would tell an attacker how the gateway is built: stack frames, file paths, library internals. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/stacktrace|node_modules|\/dist\/|\/apps\/|\.[jt]s:\d+|\bat [A-Za-z.]+ \(/);
}

async function raw(method: string, path: string, body: string | Buffer | undefined, headers: Record<string, string>) {
  const response = await fetch(`${e2eState().gatewayUrl}${path}`, { method, headers, body });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

describe('REST: bad requests get 000 error shape, never a 500 or internals', () => {
  let token: string;
  beforeAll(async () => {
    token = (await onboardTenant()).token;
  });

  const json = { 'content-type': 'application/json' };
  const cases: [string, string, string, string | Buffer | undefined, Record<string, string>, number, string][] = [
    ['malformed JSON', 'POST', '/api/v1/onboarding/accounts', '{"name": "Sean', json, 400, 'VALIDATION_FAILED'],
    ['JSON null', 'POST', '/api/v1/onboarding/accounts', 'null', json, 400, 'VALIDATION_FAILED'],
    ['an array where an object is expected', 'POST', '/api/v1/onboarding/accounts', '[{"name":"Sean"}]', json, 400, 'VALIDATION_FAILED'],
    ['a wrong content type', 'POST', '/api/v1/onboarding/accounts', '<account/>', { 'content-type': 'application/xml' }, 400, 'VALIDATION_FAILED'],
    ['a body that says gzip and is not', 'POST', '/api/v1/onboarding/accounts', '{}', { ...json, 'content-encoding': 'gzip' }, 400, 'VALIDATION_FAILED'],
    ['an encoding nobody supports', 'POST', '/api/v1/onboarding/accounts', '{}', { ...json, 'content-encoding': 'x-zip' }, 415, 'BAD_REQUEST'],
    ['a huge body', 'POST', '/api/v1/onboarding/accounts', JSON.stringify({ name: 'x'.repeat(300_000) }), json, 413, 'PAYLOAD_TOO_LARGE'],
    ['an unknown route', 'GET', '/api/v1/../../etc/passwd', undefined, {}, 404, 'NOT_FOUND'],
    ['an unknown method', 'PATCH', '/api/v1/orders', '{}', json, 404, 'NOT_FOUND'],
    ['a broken percent-encoding', 'GET', '/api/v1/orders/%E0%A4%A', undefined, {}, 400, 'VALIDATION_FAILED'],
    ['objects in the query string', 'GET', '/api/v1/wallet/ledger?limit[$gt]=1', undefined, {}, 400, 'VALIDATION_FAILED'],
  ];

  it.each(cases)('%s', async (_, method, path, body, headers, status, code) => {
    const answer = await raw(method, path, body, { authorization: `Bearer ${token}`, ...headers });
    expect(answer.status).toBe(status);
    expect(answer.type).toMatch(/^application\/json/);
    const parsed = JSON.parse(answer.text) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['code', 'data', 'message', 'status']);
    expect(parsed).toMatchObject({ status: 'error', code, message: expect.any(String) });
    expectNoInternals(answer.text);
  });

  it('sends security headers with every answer, errors included', async () => {
    for (const path of ['/health', '/api/v1/no-such-route']) {
      const response = await fetch(`${e2eState().gatewayUrl}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses ids that are not UUIDs on every route that takes one', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/recharges/airtime/batch/1%27%20OR%201=1'],
      ['DELETE', '/api/v1/api-keys/..%2F..%2Fadmin'],
      ['DELETE', '/api/v1/webhooks/not-a-uuid'],
    ]) {
      const answer = await raw(method as string, path as string, undefined, { authorization: `Bearer ${token}` });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({ status: 'error', code: 'VALIDATION_FAILED' });
    }
  });
});

describe('GraphQL: no stack traces, no schema outside development, limits before execution', () => {
  it('never sends a stack trace or internal extension, whatever the error', async () => {
    const tenant = await onboardTenant();
    const failures = [
      await graphql('{ viewer { account { orders { edges { node { id } } } } } }'),
      await graphql('{ viewer { account { order(agentReference: "a b") { id } } } }', {}, { token: tenant.token }),
      await graphql('query($n: Int) { viewer { account { orders(first: $n) { edges { node { id } } } } } }', { n: 'many' }, { token: tenant.token }),
      await graphql('{ viewer { account { orders(first: 100000) { edges { node { id } } } } } }', {}, { token: tenant.token }),
      await graphql('{ viewer { account { orders(after: "not-a-cursor!") { edges { node { id } } } } } }', {}, { token: tenant.token }),
      await graphql('{ nope }'),
    ];
    for (const failure of failures) {
      expect(failure.errors?.length).toBeGreaterThan(0);
      for (const error of failure.errors ?? []) {
        expect(Object.keys(error.extensions ?? {}).every((key) => ['code', 'details', 'retryAfterSeconds'].includes(key))).toBe(true);
      }
      expectNoInternals(JSON.stringify(failure));
    }
    // No argument is ever required to list something.
    expect((await graphql('{ products { edges { node { id } } } }', {}, { token: tenant.token })).errors).toBeUndefined();
  });

  it('refuses introspection, hides field suggestions and serves no GraphiQL page', async () => {
    const introspection = await graphql('{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.data).toBeNull();
    expect(introspection.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');

    const typo = await graphql('{ prodcts { id } }');
    expect(typo.errors?.[0]?.message).toMatch(/Cannot query field "prodcts"/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean|"products"/);

    const page = await raw('GET', '/graphql', undefined, { accept: 'text/html' });
    expect(page.type).not.toMatch(/text\/html/);
    expect(page.text).not.toMatch(/<html|graphiql|sandbox/i);
  });

  it('refuses 200 aliases of one field with a clear error, before anything runs', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(' ');
    const refused = await graphql(`{ ${aliases} }`);
    expect(refused.status).toBe(400);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded, found 200/);
  });

  it('runs none of the aliased recharges of a document over the alias limit', async () => {
    const shop = await fundedShop(await onboardTenant(), '5000');
    const references = Array.from({ length: 16 }, () => reference('alias'));
    const mutation = `mutation { ${references
      .map((r, i) => `r${i}: sendRecharge(input: { productId: 100, target: "0772279099", amount: "1.00", agentReference: "${r}" }) { order { id } }`)
      .join(' ')} }`;
    const refused = await graphql(mutation, {}, { apiKey: shop.key });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded, found 16/);
    expect(await balanceOf(shop.key)).toBe('5000');
    for (const r of references.slice(0, 3)) expect((await http('GET', `/api/v1/orders/${r}`, { apiKey: shop.key })).status).toBe(404);
  });

  it('counts page sizes: refuses nested lists of a hundred each, before anything runs, and serves one full page', async () => {
    const tenant = await onboardTenant();
    const nested = await graphql(
      '{ viewer { account { batches(first: 100) { edges { node { orders(first: 100) { edges { node { id } } } } } } } } }',
      {},
      { token: tenant.token },
    );
    expect(nested.status).toBe(400);
    expect(nested.data).toBeNull();
    // Page sizes written in the document already fail graphql-armor's static cost …
    expect(nested.errors?.[0]?.message).toMatch(/^Syntax Error: Query Cost limit of \d+ exceeded/);
    // … and as variables, which a static count cannot see, the complexity limit that reads them.
    const byVariable = await graphql(
      'query($n: Int) { viewer { account { batches(first: $n) { edges { node { orders(first: $n) { edges { node { id } } } } } } } } }',
      { n: 100 },
      { token: tenant.token },
    );
    expect(byVariable.status).toBe(400);
    expect(byVariable.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Query complexity of \d+ exceeds the limit of 5000/), extensions: { code: 'QUERY_TOO_COMPLEX' } });
    const page = await graphql('{ viewer { account { orders(first: 100) { edges { node { id status product { name } } } } } } }', {}, { token: tenant.token });
    expect(page.errors).toBeUndefined();
  });

  it('refuses a document deeper than the depth limit', async () => {
    const refused = await graphql('{ viewer { account { orders { edges { node { batch { orders { edges { node { product { id } } } } } } } } } } }');
    expect(refused.status).toBe(400);
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((e) => e.message)).toContain('Syntax Error: Query depth limit of 10 exceeded, found 11.');
  });
});
