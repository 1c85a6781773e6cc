import { Module } from '@nestjs/common';
import { loadConfig } from '@airtime/platform';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { SmsConfig } from './sms.config.js';
import { SmsController } from './sms.controller.js';
import { SmsService } from './sms.service.js';

@Module({
  imports: [WebhooksModule],
  controllers: [SmsController],
  providers: [SmsService, { provide: SmsConfig, useFactory: () => loadConfig(SmsConfig) }],
  exports: [SmsService],
})
export class SmsModule {}
