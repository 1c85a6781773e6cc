import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { IsPageSize, type PageView } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';

/** The most items one connection page holds; without first or last a page holds DEFAULT_PAGE. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** Cursors are opaque to clients; each list checks its own further (a service's are digits). */
const IsCursor = () => Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: '$property is not a cursor this API gave out' });

/** Relay's paging arguments; none is required (a first page of DEFAULT_PAGE items). */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Items after \`after\`, at most ${MAX_PAGE} (default ${DEFAULT_PAGE}).` })
  @IsOptional() @IsPageSize(MAX_PAGE) first?: number;

  @Field({ nullable: true, description: 'A cursor from this connection: the items after it.' })
  @IsOptional() @IsCursor() after?: string;

  @Field(() => Int, { nullable: true, description: `Items before \`before\`, at most ${MAX_PAGE}.` })
  @IsOptional() @IsPageSize(MAX_PAGE) last?: number;

  @Field({ nullable: true, description: 'A cursor from this connection: the items before it.' })
  @IsOptional() @IsCursor() before?: string;
}

/** A service's page request for Relay's arguments: first/after read forwards, last/before backwards. */
export function pageRequestOf(args: ConnectionArgs): { after?: string; before?: string; limit: number } {
  if (args.first != null && args.last != null) {
    throw new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { last: ['pass first or last, not both'] } });
  }
  return {
    ...(args.after ? { after: args.after } : {}),
    ...(args.before ? { before: args.before } : {}),
    limit: args.first ?? args.last ?? DEFAULT_PAGE,
  };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoModel;
}

/** A service's page as a connection, each node mapped to its model. */
export function connectionOf<V, T>(page: PageView<V>, map: (view: V) => T): Connection<T> {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.has_next_page,
      hasPreviousPage: page.has_previous_page,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A connection over a short list the gateway already holds whole (API keys, webhook endpoints,
 * wallets, the catalogue), newest or first-listed first; the cursor is the item's position key.
 */
export function connectionOfList<T>(items: T[], cursorOf: (item: T) => string, args: ConnectionArgs): Connection<T> {
  const { after, before, limit } = pageRequestOf(args);
  let start = 0;
  let end = items.length;
  if (after !== undefined) {
    const at = items.findIndex((item) => cursorOf(item) === after);
    start = at === -1 ? items.length : at + 1;
  }
  if (before !== undefined) {
    const at = items.findIndex((item) => cursorOf(item) === before);
    end = at === -1 ? 0 : Math.max(at, start);
  }
  const backwards = args.last != null || (before !== undefined && args.first == null);
  const from = backwards ? Math.max(start, end - limit) : start;
  const to = backwards ? end : Math.min(end, start + limit);
  const window = items.slice(from, to);
  return connectionOf(
    { edges: window.map((node) => ({ cursor: cursorOf(node), node })), has_next_page: to < items.length, has_previous_page: from > 0 },
    (node) => node,
  );
}

/** The `XEdge` and `XConnection` object types for a node type. */
export function ConnectionType<T>(nodeType: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => nodeType) node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionModel {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  }
  return ConnectionModel;
}
