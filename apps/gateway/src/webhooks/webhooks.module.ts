import { Module } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller.js';
import { SmsAdminResolver } from './sms-admin.resolver.js';
import { AccountWebhooksResolver, WebhookDeliveryResolver, WebhooksResolver } from './webhooks.resolver.js';

@Module({ controllers: [WebhooksController], providers: [WebhooksResolver, AccountWebhooksResolver, WebhookDeliveryResolver, SmsAdminResolver] })
export class WebhooksModule {}
