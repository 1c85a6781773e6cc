import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { errorMessage } from '../errors.js';
import { OrdersDocument, type OrdersQueryVariables, OrderUpdatedDocument } from '../graphql/generated/operations.js';
import { displayMinor } from '../money.js';
import type { Mode } from '../session.js';
import { when } from './api-keys.js';
import { Problem } from './auth.js';

const PAGE = 20;

/**
 * The chosen mode's orders, newest first, a page at a time through the connection's cursors; the page
 * is fetched again whenever orderUpdated reports a change, so statuses move without a reload.
 */
export function OrdersScreen({ mode }: { mode: Mode }) {
  const [page, setPage] = useState<Omit<OrdersQueryVariables, 'mode'>>({ first: PAGE });
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrdersDocument, variables: { mode, ...page } });
  const [changed] = useSubscription({ query: OrderUpdatedDocument });
  const change = changed.data ? `${changed.data.orderUpdated.id} ${changed.data.orderUpdated.status} ${changed.data.orderUpdated.updatedAt}` : null;
  useEffect(() => {
    if (change) refetch({ requestPolicy: 'network-only' });
  }, [change, refetch]);
  const connection = data?.viewer.account.orders;
  const orders = connection?.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="orders-heading">
      <h1 id="orders-heading">Orders ({mode})</h1>
      {fetching && !data && <p role="status">Loading orders…</p>}
      <Problem message={errorMessage(error)} />
      {connection && orders.length === 0 && <p>No {mode} orders yet.</p>}
      {orders.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Reference</th>
              <th scope="col">Recipient</th>
              <th scope="col">Network</th>
              <th scope="col">Kind</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td>{when(o.createdAt)}</td>
                <td>{o.agentReference}</td>
                <td>{o.target}</td>
                <td>{o.network}</td>
                <td>{o.kind}</td>
                <td className="amount">{displayMinor(o.amountMinor, o.currency)}</td>
                <td>{o.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {connection && (connection.pageInfo.hasPreviousPage || connection.pageInfo.hasNextPage) && (
        <nav aria-label="Order pages" className="pager">
          <button type="button" disabled={!connection.pageInfo.hasPreviousPage} onClick={() => setPage({ last: PAGE, before: connection.pageInfo.startCursor })}>
            Newer
          </button>
          <button type="button" disabled={!connection.pageInfo.hasNextPage} onClick={() => setPage({ first: PAGE, after: connection.pageInfo.endCursor })}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}
