import type { PageView } from '@airtime/contracts';

/** The largest PostgreSQL bigint: a cursor past it names no row, and must not make the query fail. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** Which rows a store is asked for: by a numeric position column, within bounds, in one direction. */
export interface PageSeek {
  /** Only rows positioned strictly below this (older). */
  below?: string;
  /** Only rows positioned strictly above this (newer). */
  above?: string;
  /** newest first (forward) or oldest first (backward, to be reversed). */
  direction: 'desc' | 'asc';
  /** One more than the page holds: the extra row tells whether more follow. */
  limit: number;
}

export interface PageAsked {
  after?: string;
  before?: string;
  limit?: number;
}

/**
 * One page of a list ordered newest first by a numeric position (a `seq` or bigserial id), as Relay
 * connections page it. Forward (`after`, or neither): the `limit` rows just older than the cursor;
 * backward (`before` alone): the `limit` rows just newer, fetched oldest first and reversed, so a page
 * reads the same whichever way it was reached. Both: the window between, read forward.
 */
export async function fetchPage<R, V>(
  asked: PageAsked,
  defaultLimit: number,
  fetch: (seek: PageSeek) => Promise<R[]>,
  positionOf: (row: R) => string,
  view: (row: R) => V,
): Promise<PageView<V>> {
  const limit = asked.limit ?? defaultLimit;
  const after = clamp(asked.after);
  const before = clamp(asked.before);
  const edges = (page: R[]) => page.map((row) => ({ cursor: String(positionOf(row)), node: view(row) }));
  if (before !== undefined && after === undefined) {
    const found = await fetch({ above: before, direction: 'asc', limit: limit + 1 });
    // The cursor's own row is older than this page, so something always follows it.
    return { edges: edges(found.slice(0, limit).reverse()), has_next_page: true, has_previous_page: found.length > limit };
  }
  const found = await fetch({ below: after, above: before, direction: 'desc', limit: limit + 1 });
  return { edges: edges(found.slice(0, limit)), has_next_page: found.length > limit, has_previous_page: after !== undefined };
}

/**
 * The SQL for a seek on `column`: its conditions (to AND with the store's own) and the ORDER BY and
 * LIMIT that end the query; values are pushed onto `parameters`.
 */
export function seekSql(column: string, seek: PageSeek, parameters: unknown[]): { where: string[]; tail: string } {
  const where: string[] = [];
  if (seek.below !== undefined) where.push(`${column} < $${parameters.push(seek.below)}`);
  if (seek.above !== undefined) where.push(`${column} > $${parameters.push(seek.above)}`);
  return { where, tail: `ORDER BY ${column} ${seek.direction === 'desc' ? 'DESC' : 'ASC'} LIMIT $${parameters.push(seek.limit)}` };
}

/** Ids given as digits that may name a bigint row; larger ones cannot exist, and are dropped. */
export function bigintIds(ids: string[]): string[] {
  return ids.filter((id) => BigInt(id) <= MAX_BIGINT);
}

function clamp(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  return BigInt(cursor) > MAX_BIGINT ? MAX_BIGINT.toString() : cursor;
}
