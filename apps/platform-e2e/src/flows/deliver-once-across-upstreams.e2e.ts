import fc from 'fast-check';
import { e2eState } from '../support/e2e-state.js';
import type { RunningPlatform } from '../support/platform-processes.js';
import { ownPlatform } from '../support/own-platform.js';
import { fundWallet } from '../support/operator.js';
import { http } from '../support/platform-client.js';
import { reference } from '../support/orders.js';
import { mtnNumber, type SimBehaviour, simBehaviour } from '../support/routing.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

// Its own platform: random 5xx and timeouts open circuits, which the shared platform's flows must not meet.
let platform: RunningPlatform;
beforeAll(async () => {
  platform = await ownPlatform({ label: 'deliver-once', env: { RECONCILE_ATTENTION_AFTER_SECONDS: '600' } });
}, 120_000);
afterAll(() => platform?.stopAll(), 30_000);

const BEHAVIOURS: SimBehaviour[] = [
  'success', 'reject', 'insufficient-balance', 'timeout-then-success', 'timeout-then-failure',
  'pending-then-success', 'pending-then-failure', 'server-error', 'garbage',
];
const FUNDS = 10_000_000n;

/** What each simulator itself says it delivered for a dispatch reference: the truth the property checks against. */
async function delivered(referenceOfOrder: string): Promise<{ estoresms: boolean; africastalking: boolean }> {
  const sim = e2eState().simUrl;
  const es = await fetch(`${sim}/estoresms/sim/transactions?ref=${referenceOfOrder}`);
  const at = await fetch(`${sim}/africastalking/sim/sends/${referenceOfOrder}`);
  const esBody = es.status === 200 ? ((await es.json()) as { status: string }) : null;
  const atBody = at.status === 200 ? ((await at.json()) as { status: string }) : null;
  return { estoresms: esBody?.status === 'Approved', africastalking: atBody?.status === 'Success' };
}

describe('routing never delivers an order twice', () => {
  it('over random answers from both upstreams: at most one upstream delivers each order, a delivered order is never refunded, and the wallet equals its ledger', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    await fundWallet(tenant.accountId, String(FUNDS), 'NGN');
    const everyOrder: { id: string; agent_reference: string }[] = [];
    const answers = fc.record({ estoresms: fc.constantFrom(...BEHAVIOURS), africastalking: fc.constantFrom(...BEHAVIOURS) });

    await fc.assert(
      fc.asyncProperty(fc.array(answers, { minLength: 1, maxLength: 8 }), async (cases) => {
        const placed = await Promise.all(cases.map(async (answer) => {
          const phone = mtnNumber();
          await simBehaviour('estoresms', phone, answer.estoresms);
          await simBehaviour('africastalking', phone, answer.africastalking);
          const order = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 310, target: phone, amount: 100, agent_reference: reference('prop') } });
          if (order.status !== 200) throw new Error(`order refused: ${order.status} ${JSON.stringify(order.body)}`);
          everyOrder.push(order.body);
          return { answer, order: order.body };
        }));

        // Until every order rests (success, refunded) or is left unknown for an operator (an upstream
        // that never answers a query); a reconciler pass every 2 s settles the rest.
        const deadline = Date.now() + 45_000;
        const final = new Map<string, any>();
        while (final.size < placed.length && Date.now() < deadline) {
          for (const { order } of placed) {
            if (final.has(order.id)) continue;
            const now = (await http('GET', `/api/v1/orders/${order.agent_reference}`, { apiKey: key })).body;
            if (['success', 'refunded'].includes(now.status)) final.set(order.id, now);
          }
          if (final.size < placed.length) await new Promise((r) => setTimeout(r, 500));
        }

        for (const { answer, order } of placed) {
          const now = final.get(order.id) ?? (await http('GET', `/api/v1/orders/${order.agent_reference}`, { apiKey: key })).body;
          const truth = await delivered(order.id.replace(/-/g, ''));
          const context = JSON.stringify({ answer, status: now.status, attempts: now.attempts, truth });
          const deliveries = Number(truth.estoresms) + Number(truth.africastalking);
          expect({ deliveries: deliveries <= 1, context }).toEqual({ deliveries: true, context });
          if (now.status === 'success') expect({ deliveries, context }).toEqual({ deliveries: 1, context });
          if (now.status === 'refunded') expect({ deliveries, context }).toEqual({ deliveries: 0, context });
          // Only an attempt that certainly failed is ever followed by another.
          for (const earlier of now.attempts.slice(0, -1)) expect({ earlier: earlier.status, context }).toEqual({ earlier: 'failed', context });
        }
      }),
      { numRuns: 3, endOnFailure: true },
    );

    // The wallet equals its ledger: the balance is the sum of its entries, one debit per order, a refund only for refunded ones.
    let cursor: string | null = null;
    let sum = 0n;
    const debits = new Map<string, number>();
    const refunds = new Map<string, number>();
    do {
      const page: { entries: { amount_minor: string; kind: string; order_id: string | null }[]; next_cursor: string | null } =
        (await http('GET', `/api/v1/wallet/ledger?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { apiKey: key })).body.data;
      for (const e of page.entries) {
        sum += BigInt(e.amount_minor);
        const tally = e.kind === 'debit' ? debits : e.kind === 'refund' ? refunds : undefined;
        if (tally && e.order_id) tally.set(e.order_id, (tally.get(e.order_id) ?? 0) + 1);
      }
      cursor = page.next_cursor;
    } while (cursor);
    const balance = (await http('GET', '/api/v1/wallet', { apiKey: key })).body.data.find((w: { currency: string }) => w.currency === 'NGN').balance_minor;
    expect(String(sum)).toBe(balance);
    expect([...debits.values()].every((n) => n === 1)).toBe(true);
    expect([...refunds.values()].every((n) => n === 1)).toBe(true);
    expect(debits.size).toBe(everyOrder.length);
    for (const placed of everyOrder) {
      const o = (await http('GET', `/api/v1/orders/${placed.agent_reference}`, { apiKey: key })).body;
      expect({ id: o.id, refunded: refunds.has(o.id) }).toEqual({ id: o.id, refunded: o.status === 'refunded' });
    }
  }, 240_000);
});
