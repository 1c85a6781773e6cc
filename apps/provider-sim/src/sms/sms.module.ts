import { type DynamicModule, Module } from '@nestjs/common';
import { AfricasTalkingSmsController } from './africastalking-sms.controller.js';
import { SmsInbox } from './sms-inbox.js';
import { SmsInboxController } from './sms-inbox.controller.js';

/**
 * The simulated SMS API always; the inbox that shows what was sent (GET/POST /sim/sms) only in
 * development and tests: in production anyone reaching the simulator could read every sandbox text.
 */
@Module({})
export class SmsModule {
  static register(options: { serveInbox: boolean }): DynamicModule {
    return {
      module: SmsModule,
      controllers: [...(options.serveInbox ? [SmsInboxController] : []), AfricasTalkingSmsController],
      providers: [SmsInbox],
    };
  }
}
