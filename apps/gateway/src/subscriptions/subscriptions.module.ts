import { Global, Module } from '@nestjs/common';
import { OrderEventsFeed } from './order-events.feed.js';
import { OrderUpdatesResolver } from './order-updates.resolver.js';

@Global()
@Module({ providers: [OrderEventsFeed, OrderUpdatesResolver], exports: [OrderEventsFeed] })
export class SubscriptionsModule {}
