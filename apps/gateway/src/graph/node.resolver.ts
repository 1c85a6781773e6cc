import { UseGuards } from '@nestjs/common';
import { Args, type ComplexityEstimatorArgs, ID, Query, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { ApiKeyModel } from '../api-keys/dtos/api-key.model.js';
import { AccountModel } from '../identity/dtos/account.model.js';
import { UserModel } from '../identity/dtos/user.model.js';
import { BatchModel } from '../orders/dtos/batch.model.js';
import { CampaignModel } from '../campaigns/dtos/campaign.model.js';
import { OrderModel } from '../orders/dtos/order.model.js';
import { ProductModel } from '../orders/dtos/product.model.js';
import { LedgerEntryModel } from '../wallet/dtos/ledger-entry.model.js';
import { TopUpModel } from '../wallet/dtos/top-up.model.js';
import { WalletModel } from '../wallet/dtos/wallet.model.js';
import { WebhookDeliveryModel, WebhookEndpointModel } from '../webhooks/dtos/webhook-endpoint.model.js';
import { assertGlobalIdShape, parseGlobalId } from './global-id.js';
import { Loaders } from './graph-context.js';
import type { GraphLoaders } from './graph-loaders.js';
import { canSeeMode } from './mode.js';
import { NodeModel } from './node.model.js';

const MAX_NODES = 100;

/** Each id asked for costs what one node asks. */
const NODES_COMPLEXITY = {
  complexity: ({ args, childComplexity }: ComplexityEstimatorArgs) => 1 + childComplexity * (Array.isArray(args['ids']) ? args['ids'].length : 1),
};

/**
 * Relay's refetch by global id, scoped as every list is: an id of another account, of the mode an
 * API key cannot see, or of nothing at all answers null, never an error that tells them apart.
 */
@Resolver()
@UseGuards(PrincipalGuard)
export class NodeResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => NodeModel, { nullable: true, description: 'Any object by its global id; null when the caller cannot see it.' })
  node(@CurrentPrincipal() principal: Principal, @Loaders() loaders: GraphLoaders, @Args('id', { type: () => ID }) id: string): Promise<NodeModel | null> {
    assertGlobalIdShape(id, 'id');
    return this.fetch(principal, loaders, id);
  }

  @Query(() => [NodeModel], { nullable: 'items', description: `Several objects by global id (at most ${MAX_NODES}), in the order asked.`, ...NODES_COMPLEXITY })
  nodes(
    @CurrentPrincipal() principal: Principal,
    @Loaders() loaders: GraphLoaders,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<(NodeModel | null)[]> {
    if (ids.length > MAX_NODES) {
      throw new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { ids: [`ids must hold at most ${MAX_NODES} ids`] } });
    }
    for (const id of ids) assertGlobalIdShape(id, 'ids');
    return Promise.all(ids.map((id) => this.fetch(principal, loaders, id)));
  }

  private async fetch(principal: Principal, loaders: GraphLoaders, id: string): Promise<NodeModel | null> {
    const decoded = parseGlobalId(id);
    if (!decoded) return null;
    const { accountId } = principal;
    const [first = '', second = ''] = decoded.parts;
    // Mode-scoped ids carry their mode first: refused before any service is asked.
    const mode = first === 'live' || first === 'test' ? first : undefined;
    switch (decoded.type) {
      case 'Account':
        return first === accountId ? AccountModel.from(await loaders.account(accountId)) : null;
      case 'User':
        if (principal.kind !== 'user') return null;
        return notFoundAsNull(async () => UserModel.from(await loaders.user(accountId, first)));
      case 'ApiKey': {
        if (principal.kind !== 'user') return null;
        const key = (await loaders.apiKeys(accountId)).find((k) => k.id === first);
        return key ? ApiKeyModel.from(key) : null;
      }
      case 'Product': {
        const productId = Number(first);
        if (!Number.isSafeInteger(productId) || productId < 1 || productId > 2_147_483_647) return null;
        const product = await loaders.products().load(productId);
        return product ? ProductModel.from(product) : null;
      }
    }
    if (!mode || !canSeeMode(principal, mode)) return null;
    switch (decoded.type) {
      case 'Wallet': {
        const wallet = (await loaders.wallets(accountId, mode)).find((w) => w.currency === second);
        return wallet ? WalletModel.from(wallet) : null;
      }
      case 'LedgerEntry': {
        if (!/^\d{1,19}$/.test(second)) return null;
        const entry = await loaders.ledgerEntries(accountId, mode).load(second);
        return entry ? LedgerEntryModel.from(entry, mode) : null;
      }
      case 'Order': {
        if (!isUuid(second)) return null;
        const order = await loaders.orders(accountId, mode).load(second);
        return order ? OrderModel.from(order) : null;
      }
      case 'Batch': {
        if (!isUuid(second)) return null;
        const batch = await loaders.batches(accountId, mode).load(second);
        return batch ? BatchModel.from(batch) : null;
      }
      case 'Campaign': {
        if (!isUuid(second)) return null;
        const campaign = await loaders.campaigns(accountId, mode).load(second);
        return campaign ? CampaignModel.from(campaign) : null;
      }
      case 'TopUp':
        if (!/^TOP-[0-9A-Z]{12}$/.test(second)) return null;
        return notFoundAsNull(async () => TopUpModel.from(await this.rpc.request(Rpc.wallet.getTopUp, { account_id: accountId, mode, reference: second })));
      case 'WebhookEndpoint': {
        const endpoint = (await loaders.webhookEndpoints(accountId, mode)).find((e) => e.id === second);
        return endpoint ? WebhookEndpointModel.from(endpoint) : null;
      }
      case 'WebhookDelivery': {
        if (!isUuid(second)) return null;
        const delivery = await loaders.webhookDeliveries(accountId, mode).load(second);
        return delivery ? WebhookDeliveryModel.from(delivery) : null;
      }
      default:
        return null;
    }
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** A lookup whose "not found" (in whichever service's words) is the node's null. */
async function notFoundAsNull<T>(fetch: () => Promise<T>): Promise<T | null> {
  try {
    return await fetch();
  } catch (error) {
    if (error instanceof PlatformError && (error.code.endsWith('NOT_FOUND') || error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}
