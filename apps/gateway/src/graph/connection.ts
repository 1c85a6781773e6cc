import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { IsPageSize, type PageView } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { ModeEnum } from './mode.js';

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

/** Relay's paging arguments: first/after forwards, last/before backwards. */
export interface PageArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/**
 * A field's arguments: Relay's paging ones beside the field's own filters (`Base`, a contract's
 * fields), in one class, because one argument class is checked at a time and refuses what it does
 * not declare. None is required: without first or last a page holds DEFAULT_PAGE items.
 */
export function Paged<T>(Base: Type<T>): Type<T & PageArgs> {
  @ArgsType()
  class PagedArgs extends (Base as Type<object>) implements PageArgs {
    @Field(() => Int, { nullable: true, description: `Items after \`after\`, at most ${MAX_PAGE} (default ${DEFAULT_PAGE}).` })
    @IsOptional() @IsPageSize(MAX_PAGE) first?: number;

    @Field({ nullable: true, description: 'A cursor from this connection: the items after it.' })
    @IsOptional() @IsCursor() after?: string;

    @Field(() => Int, { nullable: true, description: `Items before \`before\`, at most ${MAX_PAGE}.` })
    @IsOptional() @IsPageSize(MAX_PAGE) last?: number;

    @Field({ nullable: true, description: 'A cursor from this connection: the items before it.' })
    @IsOptional() @IsCursor() before?: string;
  }
  return PagedArgs as Type<T & PageArgs>;
}

/** Paging alone, for a list without filters. */
@ArgsType()
export class ConnectionArgs extends Paged(class {}) {}

/** A field's arguments that also choose the money's mode (see graphMode). */
export function ModeScoped<T>(Base: Type<T>): Type<T & { mode?: ModeEnum }> {
  @ArgsType()
  class ModeScopedArgs extends (Base as Type<object>) {
    @Field(() => ModeEnum, { nullable: true, description: "live or test: a user's choice (default live); an API key sees only its own mode" })
    @IsOptional() @IsEnum(ModeEnum) mode?: ModeEnum;
  }
  return ModeScopedArgs as Type<T & { mode?: ModeEnum }>;
}

/** Paging and a mode, for a mode-scoped list without filters. */
@ArgsType()
export class ModeConnectionArgs extends ModeScoped(ConnectionArgs) {}

/**
 * The filters of a field's arguments for the service's request: without the paging ones, and
 * without `mode`, which only graphMode turns into the request's mode (never the caller's word alone).
 */
export function filtersOf<T extends PageArgs & { mode?: unknown }>(args: T): Omit<T, keyof PageArgs | 'mode'> {
  const { first: _first, after: _after, last: _last, before: _before, mode: _mode, ...filters } = args;
  return filters;
}

function refuse(field: keyof PageArgs, problem: string): PlatformError {
  return new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { [field]: [problem] } });
}

/**
 * A service's page request for Relay's arguments: first/after read forwards from the newest, and
 * last/before backwards from a cursor the client holds. Mixing the two directions is refused, not
 * guessed at.
 */
export function pageRequestOf(args: PageArgs): { after?: string; before?: string; limit: number } {
  if (args.first != null && args.last != null) throw refuse('last', 'pass first or last, not both');
  if (args.last != null && args.before == null) throw refuse('last', 'last pages backwards from a cursor: pass before too');
  if (args.first != null && args.before != null) throw refuse('before', 'first pages forwards: use after, or last with before');
  if (args.last != null && args.after != null) throw refuse('after', 'last pages backwards: use before');
  return {
    ...(args.after ? { after: args.after } : {}),
    ...(args.before ? { before: args.before } : {}),
    limit: args.first ?? args.last ?? DEFAULT_PAGE,
  };
}

/**
 * A connection's cost for the complexity limit: every item it may hold costs what one item asks for
 * (see queryComplexityPlugin). Give it to every field that answers a connection.
 */
export const CONNECTION_COMPLEXITY = boundedConnectionComplexity(MAX_PAGE);

/** A connection that never holds more than `most` items whatever it is asked (an order's few ledger entries, an account's wallets). */
export function boundedConnectionComplexity(most: number) {
  return {
    complexity: ({ args, childComplexity }: ComplexityEstimatorArgs) =>
      1 + childComplexity * Math.min(most, Number(args['first'] ?? args['last'] ?? DEFAULT_PAGE)),
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
export function connectionOfList<T>(items: T[], cursorOf: (item: T) => string, args: PageArgs): Connection<T> {
  if (args.first != null && args.last != null) throw refuse('last', 'pass first or last, not both');
  const { after, before } = args;
  const limit = args.first ?? args.last ?? DEFAULT_PAGE;
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
