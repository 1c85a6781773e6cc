import { Module } from '@nestjs/common';
import { NodeResolver } from './node.resolver.js';
import { ViewerResolver } from './viewer.resolver.js';

/** The graph's entry points: `viewer` and Relay's `node`/`nodes`; each feature adds its own fields to the types. */
@Module({ providers: [ViewerResolver, NodeResolver] })
export class GraphModule {}
