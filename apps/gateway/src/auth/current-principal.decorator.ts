import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { PlatformError } from '@airtime/platform';
import type { Principal } from './principal.js';
import { requestOf } from './request-of.js';

/**
 * Who the request speaks for, as a guard established it. A field of the graph is resolved under its
 * root field's guard, so a field reached without one (say, under an unauthenticated mutation's
 * payload) finds nobody and is refused rather than answered for no one.
 */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal =
    context.getType<GqlContextType>() === 'graphql'
      ? (() => {
          const graph = GqlExecutionContext.create(context).getContext<{ req?: { user?: unknown }; principal?: unknown }>();
          return graph.req?.user ?? graph.principal;
        })()
      : requestOf(context).user;
  if (!principal) throw new PlatformError('UNAUTHENTICATED', 'Authentication required');
  return principal as Principal;
});
