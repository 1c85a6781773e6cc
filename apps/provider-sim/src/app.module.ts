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
    return {
      module: AppModule,
      imports: [
        SmsSimulatorModule.register({ serveInbox: config.NODE_ENV !== 'production', inboxSize: config.SMS_INBOX_SIZE }),
        PesepaySimulatorModule.register({
          integrationKey: config.PESEPAY_INTEGRATION_KEY,
          encryptionKey: config.PESEPAY_ENCRYPTION_KEY,
          publicUrl: config.SIM_PUBLIC_URL,
        }),
        OmegaSimulatorModule,
        EstoresmsSimulatorModule,
        ZesaSimulatorModule,
        TutiSimulatorModule,
        AfricasTalkingSimulatorModule,
      ],
    };
  }
}
