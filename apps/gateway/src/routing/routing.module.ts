import { Module } from '@nestjs/common';
import { RoutingResolver } from './routing.resolver.js';

@Module({ providers: [RoutingResolver] })
export class RoutingModule {}
