import { type DynamicModule, Module } from '@nestjs/common';
import { configModule, createHealthController, serviceDatabaseModule } from '@airtime/platform';
import { NotificationsConfig } from './config/notifications.config.js';
import { CreateWebhooks1764000000030 } from './migrations/1764000000030-create-webhooks.js';
import { EventsConsumer } from './deliveries/events.consumer.js';
import { CreateSms1764000000031 } from './migrations/1764000000031-create-sms.js';
import { SeparateModes1764000000032 } from './migrations/1764000000032-separate-modes.js';
import { NumberWebhookDeliveries1764000000033 } from './migrations/1764000000033-number-webhook-deliveries.js';
import { SmsModule } from './sms/sms.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

/** Tells tenants about outcomes: signed webhooks with durable retries, and SMS. */
@Module({})
export class AppModule {
  static register(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(NotificationsConfig, config),
        serviceDatabaseModule('notifications', config, { entities: [], migrations: [CreateWebhooks1764000000030, CreateSms1764000000031, SeparateModes1764000000032, NumberWebhookDeliveries1764000000033] }),
        WebhooksModule,
        SmsModule,
      ],
      controllers: [createHealthController('notifications')],
      providers: [EventsConsumer],
    };
  }
}
