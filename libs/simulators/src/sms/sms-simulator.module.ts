import { type DynamicModule, Module } from '@nestjs/common';
import { AfricasTalkingSmsController } from './africastalking-sms.controller.js';
import { SMS_SIM_SETTINGS, SmsInbox, type SmsSimSettings } from './sms-inbox.js';
import { SmsInboxController } from './sms-inbox.controller.js';

/**
 * The simulated SMS API (Africa's Talking's) always; the inbox that shows what was sent (GET/POST
 * /sim/sms) only when the host asks for it: in production anyone reaching the simulator could read
 * every sandbox text.
 */
@Module({})
export class SmsSimulatorModule {
  static register(settings: SmsSimSettings): DynamicModule {
    return {
      module: SmsSimulatorModule,
      controllers: [...(settings.serveInbox ? [SmsInboxController] : []), AfricasTalkingSmsController],
      providers: [{ provide: SMS_SIM_SETTINGS, useValue: settings }, SmsInbox],
    };
  }
}
