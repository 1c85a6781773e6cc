import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { configModule, rpcClientModule } from '@airtime/platform';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuthModule } from './auth/auth.module.js';
import { GatewayConfig } from './config/gateway.config.js';
import { HealthModule } from './health/health.module.js';
import { GatewayExceptionFilter } from './http/gateway-exception.filter.js';
import { HttpValidationPipe } from './http/http-validation.pipe.js';
import { IdentityModule } from './identity/identity.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { WalletModule } from './wallet/wallet.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(GatewayConfig, config),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: true,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        }),
        rpcClientModule({ natsUrl: config.NATS_URL, name: 'gateway', timeoutMs: config.RPC_TIMEOUT_MS }),
        AuthModule,
        HealthModule,
        IdentityModule,
        ApiKeysModule,
        WalletModule,
        OrdersModule,
        WebhooksModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: GatewayExceptionFilter },
        { provide: APP_PIPE, useClass: HttpValidationPipe },
      ],
    };
  }
}
