import { Module } from '@nestjs/common';
import { BulkController } from './bulk.controller.js';
import { BatchProgressResolver, BulkResolver } from './bulk.resolver.js';

@Module({ controllers: [BulkController], providers: [BulkResolver, BatchProgressResolver] })
export class BulkModule {}
