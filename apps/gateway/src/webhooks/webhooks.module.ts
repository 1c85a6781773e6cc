import { Module } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksResolver } from './webhooks.resolver.js';

@Module({ controllers: [WebhooksController], providers: [WebhooksResolver] })
export class WebhooksModule {}
