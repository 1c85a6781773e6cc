import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { configModule, RpcClient, rpcClientModule } from '@airtime/platform';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { ApiKeyVerifier } from './auth/api-key-verifier.js';
import { AuthModule } from './auth/auth.module.js';
import { SessionVerifier } from './auth/session-verifier.js';
import { GatewayConfig } from './config/gateway.config.js';
import { GraphModule } from './graph/graph.module.js';
import { GraphLoaders } from './graph/graph-loaders.js';
import { GRAPHQL_PATH, graphqlHardening } from './graphql/graphql-hardening.js';
import { schemaBuild } from './graphql/schema-build.js';
import { HealthModule } from './health/health.module.js';
import { GatewayExceptionFilter } from './http/gateway-exception.filter.js';
import { HttpValidationPipe } from './http/http-validation.pipe.js';
import { IdentityModule } from './identity/identity.module.js';
import { BulkModule } from './bulk/bulk.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { RoutingModule } from './routing/routing.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { WalletModule } from './wallet/wallet.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { grantOfConnection, watchConnection, type ClosableSocket } from './subscriptions/subscription-auth.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';
import { ApiLimitInterceptor } from './throttling/api-limit.interceptor.js';
import { ThrottlingModule } from './throttling/throttling.module.js';

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(GatewayConfig, config),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [RpcClient, ApiKeyVerifier, SessionVerifier],
          useFactory: (rpc: RpcClient, apiKeys: ApiKeyVerifier, sessions: SessionVerifier) => ({
            path: GRAPHQL_PATH,
            ...schemaBuild,
            // A field of the graph fails in the platform's error shape like a root field does; guards and
            // interceptors stay on root fields (a page of 50 orders must not authenticate 50 times).
            fieldResolverEnhancers: ['filters'],
            ...graphqlHardening(config),
            subscriptions: {
              'graphql-ws': {
                // The connection authenticates as an HTTP request would (a refused one is closed), and is
                // then re-checked: it must not outlive its token or a revoked key.
                onConnect: async (ctx) => {
                  const extra = ctx.extra as { principal?: unknown; socket?: ClosableSocket };
                  const authenticate = () => grantOfConnection(ctx.connectionParams, config.jwtSecret(), apiKeys, sessions);
                  const grant = await authenticate().catch(() => undefined);
                  if (!grant) return false;
                  extra.principal = grant.principal;
                  if (extra.socket) watchConnection(extra.socket, grant, authenticate, config.SUBSCRIPTION_RECHECK_SECONDS);
                  return true;
                },
              },
            },
            // Each operation gets its own loaders: batching within a request, nothing cached across callers.
            context: (ctx: { req?: unknown; res?: unknown; extra?: { principal?: unknown } }) =>
              ctx.extra
                ? { principal: ctx.extra.principal, loaders: new GraphLoaders(rpc) }
                : { req: ctx.req, res: ctx.res, loaders: new GraphLoaders(rpc) },
          }),
        }),
        rpcClientModule({ natsUrl: config.NATS_URL, name: 'gateway', timeoutMs: config.RPC_TIMEOUT_MS }),
        ThrottlingModule,
        AuthModule,
        HealthModule,
        IdentityModule,
        ApiKeysModule,
        WalletModule,
        OrdersModule,
        RoutingModule,
        CampaignsModule,
        BulkModule,
        WebhooksModule,
        SubscriptionsModule,
        GraphModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: GatewayExceptionFilter },
        { provide: APP_PIPE, useClass: HttpValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ApiLimitInterceptor },
      ],
    };
  }
}
