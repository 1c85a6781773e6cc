import type { AccountView } from '../identity/account.view.js';
import type { ApiKeyPrincipal } from '../identity/api-key-principal.js';
import type { ApiKeyView } from '../identity/api-key.view.js';
import { AuthenticateWithPinRequest } from '../identity/authenticate-with-pin.request.js';
import type { AuthenticatedSessionView } from '../identity/authenticated-session.view.js';
import { CreateAccountRequest } from '../identity/create-account.request.js';
import { CreateApiKeyRequest } from '../identity/create-api-key.request.js';
import type { CreatedApiKeyView } from '../identity/created-api-key.view.js';
import { GetAccountRequest } from '../identity/get-account.request.js';
import { GetUserRequest } from '../identity/get-user.request.js';
import { ListApiKeysRequest } from '../identity/list-api-keys.request.js';
import { type PinResetView, ResetPinRequest } from '../identity/reset-pin.request.js';
import { RevokeApiKeyRequest } from '../identity/revoke-api-key.request.js';
import type { UserView } from '../identity/user.view.js';
import { VerifyApiKeyRequest } from '../identity/verify-api-key.request.js';
import { type SessionView, VerifySessionRequest } from '../identity/verify-session.request.js';
import { HealthRequest, type ServiceHealth } from '../health/service-health.js';
import type { ServiceName } from '../service-name.js';
import { GetUpstreamHealthRequest, type UpstreamHealthView } from '../dispatch/upstream-health.js';
import { ListRoutesRequest, ListUpstreamDrainsRequest, SetRouteRequest, SetUpstreamDrainedRequest } from '../routing/route.requests.js';
import type { RouteView, UpstreamDrainView } from '../routing/route.view.js';
import { CreditWalletRequest } from '../wallet/credit-wallet.request.js';
import { CreateTopUpRequest } from '../wallet/create-top-up.request.js';
import { DebitWalletRequest } from '../wallet/debit-wallet.request.js';
import { ExportStatementRequest } from '../wallet/export-statement.request.js';
import { GetTopUpRequest } from '../wallet/get-top-up.request.js';
import { GetWalletsRequest } from '../wallet/get-wallets.request.js';
import type { LedgerEntryView, LedgerPageView } from '../wallet/ledger-entry.view.js';
import { GetLedgerEntriesRequest, GetOrdersLedgerEntriesRequest } from '../wallet/get-ledger-entries.request.js';
import { ListTopUpsRequest, type TopUpPageView } from '../wallet/list-top-ups.request.js';
import { ListLedgerRequest } from '../wallet/list-ledger.request.js';
import { RefundDebitRequest } from '../wallet/refund-debit.request.js';
import type { StatementView } from '../wallet/statement.view.js';
import { TopUpCallbackRequest } from '../wallet/top-up-callback.request.js';
import type { TopUpView } from '../wallet/top-up.view.js';
import type { TransferView } from '../wallet/transfer.view.js';
import type { WalletView } from '../wallet/wallet.view.js';
import { ApplyOutcomeRequest } from '../orders/apply-outcome.request.js';
import { type BatchPageView, type BatchView, CreateBatchRequest, GetBatchRequest, GetBatchesRequest, ListBatchesRequest } from '../orders/create-batch.request.js';
import { type BulkPreviewView, PreviewBulkRequest, StageBulkRowsRequest, type StagedBulkRowsView } from '../orders/bulk-preview.request.js';
import { BulkBatchRequest, type BulkBatchView, GetBulkBatchesRequest, BulkResultsRequest, type BulkResultsPageView, RunBulkRequest } from '../orders/bulk-run.request.js';
import { GetOrdersRequest } from '../orders/get-orders.request.js';
import { CampaignRequest, CreateCampaignRequest, GetCampaignsRequest, ListCampaignPayoutsRequest, ListCampaignsRequest, PayCampaignRequest, SetCampaignPausedRequest } from '../campaigns/campaign.requests.js';
import type { CampaignPageView, CampaignPayoutPageView, CampaignPayoutView, CampaignView, CreatedCampaignView } from '../campaigns/campaign.view.js';
import { GetProductsRequest } from '../orders/get-products.request.js';
import { CreateOrderRequest } from '../orders/create-order.request.js';
import { GetOrderRequest } from '../orders/get-order.request.js';
import { ListAttentionOrdersRequest } from '../orders/list-attention-orders.request.js';
import { ListOrdersRequest, type OrderPageView } from '../orders/list-orders.request.js';
import { ListProductsRequest } from '../orders/list-products.request.js';
import type { OrderView } from '../orders/order.view.js';
import type { ProductView } from '../orders/product.view.js';
import { UpsertProductRequest } from '../orders/upsert-product.request.js';
import { CreateWebhookEndpointRequest } from '../notifications/create-webhook-endpoint.request.js';
import { ListSmsRequest, type SmsView } from '../notifications/list-sms.request.js';
import { GetWebhookDeliveriesRequest, ListWebhookDeliveriesRequest, PageWebhookDeliveriesRequest, type RequeuedDeliveriesView, ResendWebhookDeliveriesRequest, type WebhookDeliveryPageView } from '../notifications/list-webhook-deliveries.request.js';
import { ListWebhookEndpointsRequest } from '../notifications/list-webhook-endpoints.request.js';
import { SendSmsRequest, type SmsQueuedView } from '../notifications/send-sms.request.js';
import { WebhookEndpointRefRequest } from '../notifications/webhook-endpoint-ref.request.js';
import type { WebhookDeliveryView, WebhookEndpointView } from '../notifications/webhook-endpoint.view.js';
import type { DispatchOutcome } from '../dispatch/dispatch-outcome.js';
import { DispatchRequest } from '../dispatch/dispatch.request.js';
import { QueryDispatchRequest } from '../dispatch/query-dispatch.request.js';
import { UpstreamCallbackRequest, type UpstreamCallbackReply } from '../dispatch/upstream-callback.request.js';
import { CheckPesepayPaymentRequest } from '../payments/check-pesepay-payment.request.js';
import { DecodePesepayCallbackRequest } from '../payments/decode-pesepay-callback.request.js';
import { InitiatePesepayPaymentRequest } from '../payments/initiate-pesepay-payment.request.js';
import type { PesepayPaymentView } from '../payments/pesepay-payment.view.js';
import { defineRpc } from './rpc-def.js';

/**
 * Every request-reply subject between the gateway and the services, each with its payload class and
 * its answer. Names read `<service>.<resource>.<verb>`; events are in `Subjects`.
 */
export const Rpc = {
  health: (service: ServiceName) => defineRpc(`${service}.health`, HealthRequest).answers<ServiceHealth>(),
  identity: {
    createAccount: defineRpc('identity.accounts.create', CreateAccountRequest).answers<AccountView>(),
    getAccount: defineRpc('identity.accounts.get', GetAccountRequest).answers<AccountView>(),
    authenticateWithPin: defineRpc('identity.auth.pin', AuthenticateWithPinRequest).answers<AuthenticatedSessionView>(),
    resetPin: defineRpc('identity.auth.pin-reset', ResetPinRequest).answers<PinResetView>(),
    getUser: defineRpc('identity.users.get', GetUserRequest).answers<UserView>(),
    verifySession: defineRpc('identity.sessions.verify', VerifySessionRequest).answers<SessionView>(),
    createApiKey: defineRpc('identity.api-keys.create', CreateApiKeyRequest).answers<CreatedApiKeyView>(),
    listApiKeys: defineRpc('identity.api-keys.list', ListApiKeysRequest).answers<ApiKeyView[]>(),
    revokeApiKey: defineRpc('identity.api-keys.revoke', RevokeApiKeyRequest).answers<ApiKeyView>(),
    verifyApiKey: defineRpc('identity.api-keys.verify', VerifyApiKeyRequest).answers<ApiKeyPrincipal>(),
  },
  wallet: {
    debit: defineRpc('wallet.transfers.debit', DebitWalletRequest).answers<TransferView>(),
    refund: defineRpc('wallet.transfers.refund', RefundDebitRequest).answers<TransferView>(),
    credit: defineRpc('wallet.transfers.credit', CreditWalletRequest).answers<TransferView>(),
    wallets: defineRpc('wallet.wallets.list', GetWalletsRequest).answers<WalletView[]>(),
    ledger: defineRpc('wallet.ledger.list', ListLedgerRequest).answers<LedgerPageView>(),
    getLedgerEntries: defineRpc('wallet.ledger.get-many', GetLedgerEntriesRequest).answers<LedgerEntryView[]>(),
    ordersLedgerEntries: defineRpc('wallet.ledger.of-orders', GetOrdersLedgerEntriesRequest).answers<LedgerEntryView[]>(),
    statement: defineRpc('wallet.ledger.statement', ExportStatementRequest).answers<StatementView>(),
    createTopUp: defineRpc('wallet.topups.create', CreateTopUpRequest).answers<TopUpView>(),
    getTopUp: defineRpc('wallet.topups.get', GetTopUpRequest).answers<TopUpView>(),
    listTopUps: defineRpc('wallet.topups.list', ListTopUpsRequest).answers<TopUpPageView>(),
    topUpCallback: defineRpc('wallet.topups.callback', TopUpCallbackRequest).answers<TopUpView>(),
  },
  orders: {
    listProducts: defineRpc('orders.products.list', ListProductsRequest).answers<ProductView[]>(),
    getProducts: defineRpc('orders.products.get-many', GetProductsRequest).answers<ProductView[]>(),
    upsertProduct: defineRpc('orders.products.upsert', UpsertProductRequest).answers<ProductView>(),
    listRoutes: defineRpc('orders.routes.list', ListRoutesRequest).answers<RouteView[]>(),
    setRoute: defineRpc('orders.routes.set', SetRouteRequest).answers<RouteView>(),
    listUpstreamDrains: defineRpc('orders.upstreams.drains', ListUpstreamDrainsRequest).answers<UpstreamDrainView[]>(),
    setUpstreamDrained: defineRpc('orders.upstreams.set-drained', SetUpstreamDrainedRequest).answers<UpstreamDrainView[]>(),
    listAttention: defineRpc('orders.orders.attention', ListAttentionOrdersRequest).answers<OrderView[]>(),
    create: defineRpc('orders.orders.create', CreateOrderRequest).answers<OrderView>(),
    get: defineRpc('orders.orders.get', GetOrderRequest).answers<OrderView>(),
    getMany: defineRpc('orders.orders.get-many', GetOrdersRequest).answers<OrderView[]>(),
    list: defineRpc('orders.orders.list', ListOrdersRequest).answers<OrderPageView>(),
    applyOutcome: defineRpc('orders.orders.apply-outcome', ApplyOutcomeRequest).answers<OrderView>(),
    createBatch: defineRpc('orders.batches.create', CreateBatchRequest).answers<BatchView>(),
    getBatch: defineRpc('orders.batches.get', GetBatchRequest).answers<BatchView>(),
    getBatches: defineRpc('orders.batches.get-many', GetBatchesRequest).answers<BatchView[]>(),
    listBatches: defineRpc('orders.batches.list', ListBatchesRequest).answers<BatchPageView>(),
    createCampaign: defineRpc('orders.campaigns.create', CreateCampaignRequest).answers<CreatedCampaignView>(),
    getCampaign: defineRpc('orders.campaigns.get', CampaignRequest).answers<CampaignView>(),
    getCampaigns: defineRpc('orders.campaigns.get-many', GetCampaignsRequest).answers<CampaignView[]>(),
    listCampaigns: defineRpc('orders.campaigns.list', ListCampaignsRequest).answers<CampaignPageView>(),
    setCampaignPaused: defineRpc('orders.campaigns.set-paused', SetCampaignPausedRequest).answers<CampaignView>(),
    rotateCampaignSecret: defineRpc('orders.campaigns.rotate-secret', CampaignRequest).answers<CreatedCampaignView>(),
    listCampaignPayouts: defineRpc('orders.campaigns.payouts.list', ListCampaignPayoutsRequest).answers<CampaignPayoutPageView>(),
    payCampaign: defineRpc('orders.campaigns.pay', PayCampaignRequest).answers<CampaignPayoutView>(),
    stageBulkRows: defineRpc('orders.bulk.stage', StageBulkRowsRequest).answers<StagedBulkRowsView>(),
    previewBulk: defineRpc('orders.bulk.preview', PreviewBulkRequest).answers<BulkPreviewView>(),
    runBulk: defineRpc('orders.bulk.run', RunBulkRequest).answers<BulkBatchView>(),
    getBulk: defineRpc('orders.bulk.get', BulkBatchRequest).answers<BulkBatchView>(),
    getBulkBatches: defineRpc('orders.bulk.get-many', GetBulkBatchesRequest).answers<BulkBatchView[]>(),
    cancelBulk: defineRpc('orders.bulk.cancel', BulkBatchRequest).answers<BulkBatchView>(),
    bulkResults: defineRpc('orders.bulk.results', BulkResultsRequest).answers<BulkResultsPageView>(),
  },
  notifications: {
    createEndpoint: defineRpc('notifications.webhooks.create', CreateWebhookEndpointRequest).answers<WebhookEndpointView>(),
    listEndpoints: defineRpc('notifications.webhooks.list', ListWebhookEndpointsRequest).answers<WebhookEndpointView[]>(),
    deleteEndpoint: defineRpc('notifications.webhooks.delete', WebhookEndpointRefRequest).answers<WebhookEndpointView>(),
    rotateSecret: defineRpc('notifications.webhooks.rotate-secret', WebhookEndpointRefRequest).answers<WebhookEndpointView>(),
    listDeliveries: defineRpc('notifications.deliveries.list', ListWebhookDeliveriesRequest).answers<WebhookDeliveryView[]>(),
    pageDeliveries: defineRpc('notifications.deliveries.page', PageWebhookDeliveriesRequest).answers<WebhookDeliveryPageView>(),
    getDeliveries: defineRpc('notifications.deliveries.get-many', GetWebhookDeliveriesRequest).answers<WebhookDeliveryView[]>(),
    resend: defineRpc('notifications.deliveries.resend', ResendWebhookDeliveriesRequest).answers<RequeuedDeliveriesView>(),
    sendSms: defineRpc('notifications.sms.send', SendSmsRequest).answers<SmsQueuedView>(),
    listSms: defineRpc('notifications.sms.list', ListSmsRequest).answers<SmsView[]>(),
  },
  providerAdapters: {
    dispatch: defineRpc('provider-adapters.dispatch', DispatchRequest).answers<DispatchOutcome>(),
    query: defineRpc('provider-adapters.query', QueryDispatchRequest).answers<DispatchOutcome>(),
    callback: defineRpc('provider-adapters.callback', UpstreamCallbackRequest).answers<UpstreamCallbackReply>(),
    upstreamHealth: defineRpc('provider-adapters.upstreams.health', GetUpstreamHealthRequest).answers<UpstreamHealthView[]>(),
    pesepayInitiate: defineRpc('provider-adapters.pesepay.initiate', InitiatePesepayPaymentRequest).answers<PesepayPaymentView>(),
    pesepayCheck: defineRpc('provider-adapters.pesepay.check', CheckPesepayPaymentRequest).answers<PesepayPaymentView>(),
    pesepayDecodeCallback: defineRpc('provider-adapters.pesepay.decode-callback', DecodePesepayCallbackRequest).answers<PesepayPaymentView>(),
  },
} as const;
