import { createHash, randomUUID } from 'node:crypto';
import { PersistedViewerDocument, PersistedApiKeysDocument, PersistedCreateApiKeyDocument } from '../graphql/generated/operations.js';
import { graphql, http, persistedGraphql, persistedQueryOf } from '../support/platform-client.js';
import { onboardTenant, type Tenant } from '../support/tenants.js';

/** Automatic persisted queries, as Apollo Client's persisted-query link speaks them: hash first, text on a miss. */
describe('GraphQL: automatic persisted queries', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await onboardTenant();
  });

  // The run's gateway is fresh and no other flow sends these documents, so the first request of each is a miss.
  it('answers a hash it does not know with PERSISTED_QUERY_NOT_FOUND, registers it with its text, then answers the hash alone', async () => {
    const auth = { token: tenant.token };
    const unknown = await persistedGraphql(PersistedViewerDocument, {}, { auth });
    expect(unknown.status).toBe(200);
    expect(unknown.data).toBeNull();
    expect(unknown.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);

    const registered = await persistedGraphql(PersistedViewerDocument, {}, { auth, register: true });
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.viewer.account.databaseId).toBe(tenant.accountId);

    const byHash = await persistedGraphql(PersistedViewerDocument, {}, { auth });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data?.viewer.account).toEqual(registered.data?.viewer.account);
  });

  it('runs a persisted mutation by hash with new variables each time', async () => {
    const auth = { token: tenant.token };
    const name = `apq-${randomUUID()}`;
    const registered = await persistedGraphql(PersistedCreateApiKeyDocument, { input: { name, mode: 'test' } }, { auth, register: true });
    expect(registered.errors).toBeUndefined();
    const again = await persistedGraphql(PersistedCreateApiKeyDocument, { input: { name: `${name}-2`, mode: 'test' } }, { auth });
    expect(again.errors).toBeUndefined();
    expect(again.data?.createApiKey.apiKey.name).toBe(`${name}-2`);
    const keys = await graphql(PersistedApiKeysDocument, {}, auth);
    expect(keys.data?.viewer.account.apiKeys.edges.map((edge) => edge.node.name)).toEqual(expect.arrayContaining([name, `${name}-2`]));
  });

  it('answers a persisted query over GET, and refuses a mutation over GET without running it', async () => {
    const auth = { token: tenant.token };
    await persistedGraphql(PersistedViewerDocument, {}, { auth, register: true });

    const byGet = await persistedGraphql(PersistedViewerDocument, {}, { auth, method: 'GET' });
    expect(byGet.status).toBe(200);
    expect(byGet.errors).toBeUndefined();
    expect(byGet.data?.viewer.account).toMatchObject({ databaseId: tenant.accountId, name: 'Sean Inc' });

    const registeredByGet = await persistedGraphql(PersistedApiKeysDocument, {}, { auth, method: 'GET', register: true });
    expect(registeredByGet.errors).toBeUndefined();
    const keysBefore = registeredByGet.data?.viewer.account.apiKeys.edges.length;

    // A mutation over GET is refused (405) before it runs, whether sent with its text or by the hash the test above registered by POST.
    const name = `apq-get-${randomUUID()}`;
    const mutationByGet = await persistedGraphql(PersistedCreateApiKeyDocument, { input: { name, mode: 'test' } }, { auth, method: 'GET', register: true });
    expect(mutationByGet.status).toBe(405);
    expect(mutationByGet.data).toBeNull();
    expect(mutationByGet.errors?.[0]?.message).toMatch(/GET requests only support query operations/);
    const hashOnlyByGet = await persistedGraphql(PersistedCreateApiKeyDocument, { input: { name, mode: 'test' } }, { auth, method: 'GET' });
    expect(hashOnlyByGet.status).toBe(405);

    const keys = await graphql(PersistedApiKeysDocument, {}, auth);
    expect(keys.data?.viewer.account.apiKeys.edges.map((edge) => edge.node.name)).not.toContain(name);
    expect(keys.data?.viewer.account.apiKeys.edges.length).toBe(keysBefore);

    // Apollo's CSRF prevention: a GET (a "simple" request a browser sends cross-site) needs a preflight header.
    const simple = await persistedGraphql(PersistedViewerDocument, {}, { auth, method: 'GET', preflight: false });
    expect(simple.status).toBe(400);
    expect(simple.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a document whose hash does not match its text, and stores nothing under that hash', async () => {
    const auth = { token: tenant.token };
    const wrong = createHash('sha256').update(`not the query ${randomUUID()}`).digest('hex');
    const refused = await persistedGraphql(PersistedViewerDocument, {}, { auth, register: true, sha256Hash: wrong });
    expect(refused.status).toBe(400);
    expect(refused.data).toBeNull();
    expect(refused.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);

    const byWrongHash = await persistedGraphql(PersistedViewerDocument, {}, { auth, sha256Hash: wrong });
    expect(byWrongHash.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('still checks the caller of a persisted query', async () => {
    await persistedGraphql(PersistedViewerDocument, {}, { auth: { token: tenant.token }, register: true });
    const anonymous = await persistedGraphql(PersistedViewerDocument, {});
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    const other = await onboardTenant();
    const theirs = await persistedGraphql(PersistedViewerDocument, {}, { auth: { token: other.token } });
    expect(theirs.data?.viewer.account.databaseId).toBe(other.accountId);
  });

  it('applies the depth and alias limits to a document sent by hash, and never stores one over them', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: viewer { kind }`).join(' ');
    const deep = '{ viewer { account { orders { edges { node { a { b { c { d { e { f } } } } } } } } } } }';
    for (const [query, limit] of [
      [`query ManyAliases { ${aliases} }`, /Aliases limit of 15 exceeded, found 16/],
      [deep, /Query depth limit of \d+ exceeded, found 11/],
    ] as const) {
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const extensions = { persistedQuery: { version: 1, sha256Hash } };
      const refused = await http('POST', '/graphql', { body: { query, extensions }, token: tenant.token });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(limit);

      const byHash = await http('POST', '/graphql', { body: { extensions }, token: tenant.token });
      expect(byHash.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
  });

  it('hashes the text a client sends, as Apollo Client does (SHA-256 of the printed document)', () => {
    const { query, sha256Hash } = persistedQueryOf(PersistedViewerDocument);
    expect(query).toMatch(/^query PersistedViewer \{/);
    expect(sha256Hash).toBe(createHash('sha256').update(query).digest('hex'));
  });
});
