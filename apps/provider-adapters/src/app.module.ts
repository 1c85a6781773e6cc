import { type DynamicModule, Module } from '@nestjs/common';
import { configModule, createHealthController, rpcClientModule, serviceDatabaseModule } from '@airtime/platform';
import { ProviderAdaptersConfig } from './config/provider-adapters.config.js';
import { CreateDispatches1764000000020 } from './migrations/1764000000020-create-dispatches.js';
import { CreateRefusedCallbacks1764000000021 } from './migrations/1764000000021-create-refused-callbacks.js';
import { AddDispatchAnswers1764000000022 } from './migrations/1764000000022-add-dispatch-answers.js';
import { PesepayModule } from './pesepay/pesepay.module.js';
import { RechargeModule } from './recharge/recharge.module.js';
import { limitUpstreamBodies } from './recharge/upstream-http.js';
import { UpstreamHealthModule } from './upstream-health/upstream-health.module.js';

/** The upstream adapters: the recharge upstreams behind one dispatch interface, and Pesepay for top-ups. */
@Module({})
export class AppModule {
  static register(config: ProviderAdaptersConfig): DynamicModule {
    limitUpstreamBodies(config.UPSTREAM_MAX_BODY_BYTES);
    return {
      module: AppModule,
      imports: [
        configModule(ProviderAdaptersConfig, config),
        serviceDatabaseModule('provider-adapters', config, { entities: [], migrations: [CreateDispatches1764000000020, CreateRefusedCallbacks1764000000021, AddDispatchAnswers1764000000022] }),
        rpcClientModule({ natsUrl: config.NATS_URL, name: 'provider-adapters' }),
        PesepayModule,
        RechargeModule,
        UpstreamHealthModule,
      ],
      controllers: [createHealthController('provider-adapters')],
    };
  }
}
