import { randomUUID } from 'node:crypto';
import { http } from './platform-client.js';
import type { Tenant } from './tenants.js';
import { createApiKey } from './tenants.js';
import { fundWallet } from './operator.js';

export interface Shop {
  tenant: Tenant;
  key: string;
}

/** A tenant with a live API key and a funded USD wallet. */
export async function fundedShop(tenant: Tenant, usdMinor = '10000'): Promise<Shop> {
  const { key } = await createApiKey(tenant);
  await fundWallet(tenant.accountId, usdMinor);
  return { tenant, key };
}

export const reference = (label = 'ord') => `${label}_${randomUUID()}`;

export async function placeOrder(key: string, body: Record<string, unknown>) {
  return http('POST', '/api/v1/orders', { apiKey: key, body: { agent_reference: reference(), ...body } });
}

export async function balanceOf(key: string, currency = 'USD'): Promise<string | undefined> {
  const wallets = await http('GET', '/api/v1/wallet', { apiKey: key });
  return wallets.body.data.find((w: { currency: string }) => w.currency === currency)?.balance_minor;
}

/**
 * Polls the order until it is final: success, refunded or reversed (`failed` is on its way to
 * refunded). The reconciler runs every couple of seconds in e2e.
 */
export async function settledOrder(key: string, agentReference: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await http('GET', `/api/v1/orders/${agentReference}`, { apiKey: key });
    if (['success', 'refunded', 'reversed'].includes(body.status) || Date.now() > deadline) return body;
    await new Promise((r) => setTimeout(r, 250));
  }
}
