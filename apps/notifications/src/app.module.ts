import { type DynamicModule, Module } from '@nestjs/common';
import { configModule, createHealthController, serviceDatabaseModule } from '@airtime/platform';
import { NotificationsConfig } from './config/notifications.config.js';
import { CreateWebhooks1764000000030 } from './migrations/1764000000030-create-webhooks.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

/** Tells tenants about outcomes: signed webhooks with durable retries. */
@Module({})
export class AppModule {
  static register(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(NotificationsConfig, config),
        serviceDatabaseModule('notifications', config, { entities: [], migrations: [CreateWebhooks1764000000030] }),
        WebhooksModule,
      ],
      controllers: [createHealthController('notifications')],
    };
  }
}
