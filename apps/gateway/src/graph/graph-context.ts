import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { PlatformError } from '@airtime/platform';
import type { GraphLoaders } from './graph-loaders.js';

/** What every GraphQL operation carries: the HTTP request (or a subscription's principal) and its loaders. */
export interface GraphContext {
  req?: { user?: unknown };
  principal?: unknown;
  loaders: GraphLoaders;
}

/** The request's batched lookups (see GraphLoaders). */
export const Loaders = createParamDecorator((_data: unknown, context: ExecutionContext): GraphLoaders => {
  const loaders = GqlExecutionContext.create(context).getContext<GraphContext>().loaders;
  if (!loaders) throw new PlatformError('INTERNAL', 'GraphQL context without loaders');
  return loaders;
});
