import DataLoader from 'dataloader';
import {
  type AccountView,
  type ApiKeyMode,
  type ApiKeyView,
  type BatchView,
  type BulkBatchView,
  type CampaignView,
  type LedgerEntryView,
  MAX_LOOKUP_IDS,
  type OrderView,
  type ProductView,
  Rpc,
  type UserView,
  type WalletView,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from '@airtime/contracts';
import type { RpcClient } from '@airtime/platform';

/** The items of a batched lookup in the order their keys were asked for (a missing one is undefined). */
function inKeyOrder<K, V>(keys: readonly K[], found: V[], keyOf: (value: V) => K): (V | undefined)[] {
  const byKey = new Map(found.map((value) => [keyOf(value), value]));
  return keys.map((key) => byKey.get(key));
}

/**
 * One request's batched lookups: every field that follows a link (Order.product, LedgerEntry.order,
 * Order.batch, node(id:)) asks its loader, and each loader sends one NATS request per tick for all
 * the ids asked in it, scoped to one account and mode. A loader lives as long as its request, so
 * nothing is cached across callers.
 */
export class GraphLoaders {
  private readonly loaders = new Map<string, DataLoader<never, unknown>>();

  constructor(private readonly rpc: RpcClient) {}

  private loader<K, V>(name: string, load: (keys: readonly K[]) => Promise<(V | undefined)[]>): DataLoader<K, V | undefined> {
    let loader = this.loaders.get(name) as DataLoader<K, V | undefined> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V | undefined>(load, { maxBatchSize: MAX_LOOKUP_IDS });
      this.loaders.set(name, loader as DataLoader<never, unknown>);
    }
    return loader;
  }

  /** A list asked for once per request, however many fields read it. */
  private once<V>(name: string, load: () => Promise<V>): Promise<V> {
    return this.loader<string, V>(name, async (keys) => {
      const value = await load();
      return keys.map(() => value);
    }).load(name) as Promise<V>;
  }

  account(accountId: string): Promise<AccountView> {
    return this.once(`account:${accountId}`, () => this.rpc.request(Rpc.identity.getAccount, { account_id: accountId }));
  }

  user(accountId: string, userId: string): Promise<UserView> {
    return this.once(`user:${accountId}:${userId}`, () => this.rpc.request(Rpc.identity.getUser, { account_id: accountId, user_id: userId }));
  }

  apiKeys(accountId: string): Promise<ApiKeyView[]> {
    return this.once(`api-keys:${accountId}`, () => this.rpc.request(Rpc.identity.listApiKeys, { account_id: accountId }));
  }

  wallets(accountId: string, mode: ApiKeyMode): Promise<WalletView[]> {
    return this.once(`wallets:${accountId}:${mode}`, () => this.rpc.request(Rpc.wallet.wallets, { account_id: accountId, mode }));
  }

  webhookEndpoints(accountId: string, mode: ApiKeyMode): Promise<WebhookEndpointView[]> {
    return this.once(`webhook-endpoints:${accountId}:${mode}`, () => this.rpc.request(Rpc.notifications.listEndpoints, { account_id: accountId, mode }));
  }

  products(): DataLoader<number, ProductView | undefined> {
    return this.loader('products', async (ids: readonly number[]) =>
      inKeyOrder(ids, await this.rpc.request(Rpc.orders.getProducts, { ids: [...ids] }), (p) => p.id),
    );
  }

  orders(accountId: string, mode: ApiKeyMode): DataLoader<string, OrderView | undefined> {
    return this.loader(`orders:${accountId}:${mode}`, async (ids: readonly string[]) =>
      inKeyOrder(ids, await this.rpc.request(Rpc.orders.getMany, { account_id: accountId, mode, ids: [...ids] }), (o) => o.id),
    );
  }

  batches(accountId: string, mode: ApiKeyMode): DataLoader<string, BatchView | undefined> {
    return this.loader(`batches:${accountId}:${mode}`, async (ids: readonly string[]) =>
      inKeyOrder(ids, await this.rpc.request(Rpc.orders.getBatches, { account_id: accountId, mode, ids: [...ids] }), (b) => b.batch_id),
    );
  }

  campaigns(accountId: string, mode: ApiKeyMode): DataLoader<string, CampaignView | undefined> {
    return this.loader(`campaigns:${accountId}:${mode}`, async (ids: readonly string[]) =>
      inKeyOrder(ids, await this.rpc.request(Rpc.orders.getCampaigns, { account_id: accountId, mode, ids: [...ids] }), (c) => c.id),
    );
  }

  /** The ledger entries of orders, by order id: every entry (debit, refund) of each. */
  orderLedgerEntries(accountId: string, mode: ApiKeyMode): DataLoader<string, LedgerEntryView[] | undefined> {
    return this.loader(`order-ledger:${accountId}:${mode}`, async (orderIds: readonly string[]) => {
      const found = await this.rpc.request(Rpc.wallet.ordersLedgerEntries, { account_id: accountId, mode, order_ids: [...orderIds] });
      return orderIds.map((id) => found.filter((entry) => entry.order_id === id));
    });
  }

  bulkBatches(accountId: string, mode: ApiKeyMode): DataLoader<string, BulkBatchView | undefined> {
    return this.loader(`bulk:${accountId}:${mode}`, async (ids: readonly string[]) =>
      inKeyOrder(ids, await this.rpc.request(Rpc.orders.getBulkBatches, { account_id: accountId, mode, batch_ids: [...ids] }), (b) => b.batch_id),
    );
  }

  webhookDeliveries(accountId: string, mode: ApiKeyMode): DataLoader<string, WebhookDeliveryView | undefined> {
    return this.loader(`deliveries:${accountId}:${mode}`, async (ids: readonly string[]) =>
      inKeyOrder(ids, await this.rpc.request(Rpc.notifications.getDeliveries, { account_id: accountId, mode, ids: [...ids] }), (d) => d.id),
    );
  }

  ledgerEntries(accountId: string, mode: ApiKeyMode): DataLoader<string, LedgerEntryView | undefined> {
    return this.loader(`ledger:${accountId}:${mode}`, async (ids: readonly string[]) =>
      inKeyOrder(ids, await this.rpc.request(Rpc.wallet.getLedgerEntries, { account_id: accountId, mode, ids: [...ids] }), (e) => e.id),
    );
  }
}
