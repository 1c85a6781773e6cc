import { type DynamicModule, Module } from '@nestjs/common';
import { configModule, createHealthController, rpcClientModule, serviceDatabaseModule } from '@airtime/platform';
import { AccountEntity } from './accounts/account.entity.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { UserEntity } from './accounts/user.entity.js';
import { ApiKeyEntity } from './api-keys/api-key.entity.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BroadcastsModule } from './broadcasts/broadcaster.js';
import { PinAttemptEntity } from './auth/pin-attempt.entity.js';
import { IdentityConfig } from './config/identity.config.js';
import { CreateIdentityTables1764000000000 } from './migrations/1764000000000-create-identity-tables.js';
import { CreateOperatorTotp1764000000001 } from './migrations/1764000000001-create-operator-totp.js';

@Module({})
export class AppModule {
  static register(config: IdentityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(IdentityConfig, config),
        serviceDatabaseModule('identity', config, {
          entities: [AccountEntity, UserEntity, PinAttemptEntity, ApiKeyEntity],
          migrations: [CreateIdentityTables1764000000000, CreateOperatorTotp1764000000001],
        }),
        rpcClientModule({ natsUrl: config.NATS_URL, name: 'identity' }),
        BroadcastsModule,
        AccountsModule,
        AuthModule,
        ApiKeysModule,
      ],
      controllers: [createHealthController('identity')],
    };
  }
}
