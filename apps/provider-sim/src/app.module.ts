import { type DynamicModule, Module } from '@nestjs/common';
import {
  AfricasTalkingSimulatorModule,
  EstoresmsSimulatorModule,
  OmegaSimulatorModule,
  PesepaySimulatorModule,
  SmsSimulatorModule,
  TutiSimulatorModule,
  ZesaSimulatorModule,
} from '@airtime/simulators';
import type { ProviderSimConfig } from './config/provider-sim.config.js';

/** Hosts the upstream simulators of libs/simulators (one per provider, on its own path prefix) and the SMS inbox. */
@Module({})
export class AppModule {
  static register(config: ProviderSimConfig): DynamicModule {
    // Control routes (behaviour overrides, eStoreSMS's wallet) would let anyone reaching a production
    // simulator steer every sandbox user's answers: served in development and tests only, as the inbox.
    const controls = { controls: config.NODE_ENV !== 'production' };
    return {
      module: AppModule,
      imports: [
        SmsSimulatorModule.register({ serveInbox: config.NODE_ENV !== 'production', inboxSize: config.SMS_INBOX_SIZE }),
        PesepaySimulatorModule.register({
          integrationKey: config.PESEPAY_INTEGRATION_KEY,
          encryptionKey: config.PESEPAY_ENCRYPTION_KEY,
          publicUrl: config.SIM_PUBLIC_URL,
        }),
        OmegaSimulatorModule.register(controls),
        EstoresmsSimulatorModule.register(controls),
        ZesaSimulatorModule,
        TutiSimulatorModule.register(controls),
        AfricasTalkingSimulatorModule.register(controls),
      ],
    };
  }
}
