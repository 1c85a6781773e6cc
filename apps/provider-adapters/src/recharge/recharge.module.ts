import { Module } from '@nestjs/common';
import { loadConfig } from '@airtime/platform';
import { CallbacksController } from './callbacks.controller.js';
import { DispatchController } from './dispatch.controller.js';
import { DispatchService } from './dispatch.service.js';
import { RechargeConfig } from './recharge.config.js';
import { RefusedCallbacks } from './refused-callbacks.js';
import { SentDispatches } from './sent-dispatches.js';
import { UPSTREAM_ADAPTERS, type UpstreamAdapter } from './upstream-adapter.js';
import { EstoresmsAdapter } from './upstreams/estoresms/estoresms.adapter.js';
import { EstoresmsConfig } from './upstreams/estoresms/estoresms.config.js';
import { OmegaAdapter } from './upstreams/omega/omega.adapter.js';
import { OmegaConfig } from './upstreams/omega/omega.config.js';
import { AfricasTalkingAdapter } from './upstreams/africastalking/africastalking.adapter.js';
import { AfricasTalkingConfig } from './upstreams/africastalking/africastalking.config.js';
import { TutiAdapter } from './upstreams/tuti/tuti.adapter.js';
import { TutiConfig } from './upstreams/tuti/tuti.config.js';
import { ZesaAdapter } from './upstreams/zesa/zesa.adapter.js';
import { ZesaConfig } from './upstreams/zesa/zesa.config.js';

/**
 * The recharge adapters. Each upstream contributes its adapter class and its config class (validated
 * at start-up from the environment); add both to the lists below.
 */
const ADAPTERS = [
  // upstream adapters: one line each
  OmegaAdapter,
  EstoresmsAdapter,
  ZesaAdapter,
  TutiAdapter,
  AfricasTalkingAdapter,
] as const;

const ADAPTER_CONFIGS = [
  // upstream config classes: one line each
  OmegaConfig,
  EstoresmsConfig,
  ZesaConfig,
  TutiConfig,
  AfricasTalkingConfig,
] as const;

@Module({
  controllers: [DispatchController, CallbacksController],
  providers: [
    DispatchService,
    SentDispatches,
    RefusedCallbacks,
    { provide: RechargeConfig, useFactory: () => loadConfig(RechargeConfig) },
    ...ADAPTER_CONFIGS.map((cls: new () => object) => ({ provide: cls, useFactory: () => loadConfig(cls) })),
    ...ADAPTERS,
    { provide: UPSTREAM_ADAPTERS, inject: [...ADAPTERS], useFactory: (...adapters: UpstreamAdapter[]) => adapters },
  ],
  exports: [DispatchService, RefusedCallbacks, SentDispatches],
})
export class RechargeModule {}
