import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { configModule, createHealthController, rpcClientModule, serviceDatabaseModule } from '@airtime/platform';
import { CatalogueModule } from './catalogue/catalogue.module.js';
import { OrdersConfig } from './config/orders.config.js';
import { EventsModule } from './events/events.module.js';
import { CreateCatalogue1764000000010 } from './migrations/1764000000010-create-catalogue.js';
import { CreateOrders1764000000011 } from './migrations/1764000000011-create-orders.js';
import { WithdrawDataBundles1764000000012 } from './migrations/1764000000012-withdraw-data-bundles.js';
import { CreateBatches1764000000013 } from './migrations/1764000000013-create-batches.js';
import { AllowReversals1764000000014 } from './migrations/1764000000014-allow-reversals.js';
import { NumberBatches1764000000015 } from './migrations/1764000000015-number-batches.js';
import { CreateBulkPreviews1764000000031 } from './migrations/1764000000031-create-bulk-previews.js';
import { RunBulkBatches1764000000032 } from './migrations/1764000000032-run-bulk-batches.js';
import { BatchEvents1764000000033 } from './migrations/1764000000033-batch-events.js';
import { RouteWithFailover1764000000040 } from './migrations/1764000000040-route-with-failover.js';
import { BulkModule } from './bulk/bulk.module.js';
import { BatchesModule } from './batches/batches.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { CreateCampaigns1764000000030 } from './migrations/1764000000030-create-campaigns.js';
import { OrdersModule } from './orders/orders.module.js';
import { ReconcilerModule } from './reconciler/reconciler.module.js';
import { RoutingModule } from './routing/routing.module.js';

@Module({})
export class AppModule {
  static register(config: OrdersConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(OrdersConfig, config),
        serviceDatabaseModule('orders', config, { entities: [], migrations: [CreateCatalogue1764000000010, CreateOrders1764000000011, WithdrawDataBundles1764000000012, CreateBatches1764000000013, AllowReversals1764000000014, NumberBatches1764000000015, CreateCampaigns1764000000030, CreateBulkPreviews1764000000031, RunBulkBatches1764000000032, BatchEvents1764000000033, RouteWithFailover1764000000040] }),
        rpcClientModule({ natsUrl: config.NATS_URL, name: 'orders' }),
        ScheduleModule.forRoot(),
        EventsModule,
        CatalogueModule,
        OrdersModule,
        RoutingModule,
        ReconcilerModule,
        BatchesModule,
        CampaignsModule,
        BulkModule,
      ],
      controllers: [createHealthController('orders')],
    };
  }
}
