import { type DynamicModule, Module } from '@nestjs/common';
import { configModule } from '@airtime/platform';
import { AfricasTalkingSimulatorModule, EstoresmsSimulatorModule, OmegaSimulatorModule, TutiSimulatorModule, ZesaSimulatorModule } from '@airtime/simulators';
import { ProviderSimConfig } from './config/provider-sim.config.js';
import { PesepayModule } from './pesepay/pesepay.module.js';
import { SmsModule } from './sms/sms.module.js';

/** The upstream simulators (one per provider, on its own path prefix) and the SMS inbox. */
@Module({})
export class AppModule {
  static register(config: ProviderSimConfig): DynamicModule {
    return { module: AppModule, imports: [configModule(ProviderSimConfig, config), SmsModule.register({ serveInbox: config.NODE_ENV !== 'production' }), PesepayModule, OmegaSimulatorModule, EstoresmsSimulatorModule, ZesaSimulatorModule, TutiSimulatorModule, AfricasTalkingSimulatorModule] };
  }
}
