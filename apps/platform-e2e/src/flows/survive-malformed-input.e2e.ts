import pg from 'pg';
import { ownPlatform } from '../support/own-platform.js';
import type { RunningPlatform } from '../support/platform-processes.js';
import { e2eState } from '../support/e2e-state.js';
import { operatorToken } from '../support/operator.js';
import { fundedShop } from '../support/orders.js';
import { globalId, http } from '../support/platform-client.js';
import { onboardTenant, uniquePhone } from '../support/tenants.js';
import { check, drawCases, type Finding, graphqlCases, restCases } from '../support/fuzz/fuzz-runner.js';
import { declaredSurface, GRAPHQL_OPERATIONS, type Known, REST_ENDPOINTS } from '../support/fuzz/public-api.js';

/**
 * Every public REST endpoint and GraphQL operation, driven with generated bad input derived from its
 * contract: each case breaks one thing (a field's type, text, size; a required field; the JSON; the
 * content type; the credentials). Nothing may answer 5xx, every refusal is in the documented shape,
 * and no wallet, order, account or key changes. CI draws a few hundred cases from a fixed seed;
 * `npm run fuzz` draws thousands from a random one and prints what it found.
 */

const seed = Number(process.env['FUZZ_SEED'] ?? 20261130);
const runs = Number(process.env['FUZZ_RUNS'] ?? 400);

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await ownPlatform({ label: 'fuzz' });
}, Number(process.env['E2E_STARTUP_TIMEOUT_MS'] ?? 60_000) + 60_000);
afterAll(() => platform?.stopAll(), 60_000);

/** Row counts of every table that holds money, orders, accounts, keys and messages, and the wallets' total. */
async function footprint(): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: e2eState().databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('identity', 'wallet', 'orders', 'notifications', 'provider_adapters') AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('migrations', 'refused_callbacks')`,
    );
    const counts: Record<string, string> = {};
    for (const { schema, name } of tables) counts[`${schema}.${name}`] = (await client.query(`SELECT count(*)::text AS n FROM "${schema}"."${name}"`)).rows[0].n;
    counts['wallet balances'] = (await client.query(`SELECT coalesce(sum(balance), 0)::text AS n FROM wallet.ledger_accounts`)).rows[0].n;
    return counts;
  } finally {
    await client.end();
  }
}

/** A batch, a webhook endpoint and a campaign of the fuzz tenant, as global ids, so that their fields' arguments are fuzzed too. */
async function ownObjects(token: string, key: string): Promise<{ batchId: string; webhookEndpointId: string; campaignId: string }> {
  const batch = await http('POST', '/api/v1/recharges/airtime/batch', { token, body: { recharges: [{ phone: '+263772279099', amount: 100, currency: 'USD', reference: `fuzz-${Date.now()}` }] } });
  const deadline = Date.now() + 20_000;
  while ((await http('GET', `/api/v1/recharges/airtime/batch/${batch.body.data.batch_id}`, { token })).body.data.status !== 'completed' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Refunds only: nothing the fuzz does (nor the batch above, all successes) sends it a delivery.
  const endpoint = await http('POST', '/api/v1/webhooks', { apiKey: key, body: { url: 'https://example.com/fuzz-hook', events: ['order.refunded'] } });
  if (endpoint.status !== 201) throw new Error(`fuzz setup: webhook endpoint refused: ${JSON.stringify(endpoint.body)}`);
  const campaign = await http('POST', '/api/v1/campaigns', { apiKey: key, body: { name: 'Fuzz survey', product_id: 100, amount: 1, budget: 5 } });
  if (campaign.status !== 201) throw new Error(`fuzz setup: campaign refused: ${JSON.stringify(campaign.body)}`);
  return {
    batchId: globalId('Batch', 'live', batch.body.data.batch_id), webhookEndpointId: globalId('WebhookEndpoint', 'live', endpoint.body.data.id),
    campaignId: globalId('Campaign', 'live', campaign.body.data.id),
  };
}

describe('bad input on every public endpoint', () => {
  it('fuzzes every REST endpoint and GraphQL operation the gateway declares', () => {
    const surface = declaredSurface();
    expect(REST_ENDPOINTS.map((e) => `${e.method} ${e.route}`).sort()).toEqual(surface.rest);
    expect(GRAPHQL_OPERATIONS.map((o) => o.name).sort()).toEqual(surface.graphql);
  });

  it(`never answers 5xx, always refuses in the documented shape, and changes nothing (seed ${seed}, ${runs} cases)`, async () => {
    const tenant = await onboardTenant();
    const shop = await fundedShop(tenant);
    const credentials = { key: shop.key, user: tenant.token, operator: await operatorToken() };
    const known: Known = { accountId: tenant.accountId, freshPhone: uniquePhone(), ...(await ownObjects(tenant.token, shop.key)) };
    const cases = drawCases([
      ...REST_ENDPOINTS.map((endpoint) => restCases(endpoint, known, credentials)),
      ...GRAPHQL_OPERATIONS.map((operation) => graphqlCases(operation, known, credentials)),
    ], seed, runs);
    // Let the setup's own effects (PIN SMS, wallet events) settle before the footprint is taken.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = await footprint();

    const findings: Finding[] = [];
    for (let i = 0; i < cases.length; i += 4) {
      const answers = await Promise.all(cases.slice(i, i + 4).map(check));
      findings.push(...answers.filter((f): f is Finding => f !== undefined));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await footprint();

    if (findings.length > 0 || process.env['FUZZ_REPORT']) {
      console.log(`fuzz seed ${seed}: ${cases.length} cases, ${findings.length} findings\n${findings.map((f) => `- ${f.target} [${f.label}] → ${f.status}: ${f.why}\n    ${f.answer}`).join('\n')}`);
    }
    expect(findings).toEqual([]);
    expect(after).toEqual(before);
  }, Number(process.env['FUZZ_TIMEOUT_MS'] ?? 300_000));
});
