import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { errorMessage } from '../errors.js';
import { OrderDetailDocument, OrdersDocument, type OrdersQueryVariables, OrderUpdatedDocument } from '../graphql/generated/operations.js';
import { displayMinor } from '../money.js';
import type { Mode } from '../session.js';
import { when } from './api-keys.js';
import { Problem } from './auth.js';
import { SendRechargeForm } from './send-recharge.js';

const PAGE = 20;
/** The statuses the orders connection filters by (its `status` argument). */
const STATUSES = ['pending', 'success', 'failed', 'refunded', 'unknown', 'reversed'] as const;

type Paging = Pick<OrdersQueryVariables, 'first' | 'after' | 'last' | 'before'>;
type Filters = { status: string; network: string; target: string };
const NO_FILTERS: Filters = { status: '', network: '', target: '' };

/**
 * The chosen mode's orders, newest first, a page at a time through the connection's cursors and
 * filtered by status, network and recipient; the page is fetched again whenever orderUpdated reports a
 * change, so statuses move without a reload.
 */
export function OrdersScreen({ mode }: { mode: Mode }) {
  const [page, setPage] = useState<Paging>({ first: PAGE });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // The text fields are applied on submit, not per keystroke, so typing a number is not a query a key.
  const [draft, setDraft] = useState({ network: '', target: '' });
  const [open, setOpen] = useState<string | null>(null);
  // Cursors belong to one filtered list, so a new filter starts again from the newest page.
  const filter = (next: Filters) => {
    setFilters(next);
    setPage({ first: PAGE });
  };
  const applied = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  const filtered = Object.keys(applied).length > 0;
  // An empty page names no Order, so the cache must be told a new order (sent below) makes it stale.
  const context = useMemo(() => ({ additionalTypenames: ['Order'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrdersDocument, variables: { mode, ...page, ...applied }, context });
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
      <SendRechargeForm mode={mode} />
      <h2>Recent {mode} orders</h2>
      <form
        className="inline"
        aria-label="Filter the orders"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          filter({ ...filters, network: draft.network.trim(), target: draft.target.trim() });
        }}
      >
        <p className="field">
          <label htmlFor="orders-status">Status</label>
          <select id="orders-status" value={filters.status} onChange={(e) => filter({ ...filters, status: e.target.value })}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="orders-network">Network</label>
          <input id="orders-network" value={draft.network} placeholder="econet" onChange={(e) => setDraft({ ...draft, network: e.target.value })} />
        </p>
        <p className="field">
          <label htmlFor="orders-target">Recipient</label>
          <input id="orders-target" value={draft.target} inputMode="tel" placeholder="263772123456" onChange={(e) => setDraft({ ...draft, target: e.target.value })} />
        </p>
        <button type="submit">Filter</button>
        {filtered && (
          <button
            type="button"
            onClick={() => {
              setDraft({ network: '', target: '' });
              filter(NO_FILTERS);
            }}
          >
            Clear filters
          </button>
        )}
      </form>
      {fetching && !data && <p role="status">Loading orders…</p>}
      <Problem message={errorMessage(error)} />
      {connection && orders.length === 0 && <p>{filtered ? `No ${mode} orders match.` : `No ${mode} orders yet.`}</p>}
      {orders.length > 0 && (
        <table>
          <caption>{mode === 'test' ? 'Test' : 'Live'} orders, newest first</caption>
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
                <td>
                  <button type="button" className="link" aria-expanded={open === o.id} aria-label={`Details of ${o.agentReference}`} onClick={() => setOpen(open === o.id ? null : o.id)}>
                    {o.agentReference}
                  </button>
                </td>
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
      {open && <OrderDetail id={open} change={change} onClose={() => setOpen(null)} />}
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

/** One order in full: what the upstream answered (reference, PIN, serial, token), the upstreams tried, and its wallet movements. */
function OrderDetail({ id, change, onClose }: { id: string; change: string | null; onClose: () => void }) {
  const [{ data, error }, refetch] = useQuery({ query: OrderDetailDocument, variables: { id } });
  useEffect(() => {
    if (change) refetch({ requestPolicy: 'network-only' });
  }, [change, refetch]);
  const order = data?.node?.__typename === 'Order' ? data.node : null;
  const entries = order?.ledgerEntries.edges.map((e) => e.node) ?? [];
  const facts: [string, string | null | undefined][] = order
    ? [
        ['Status', order.status],
        ['Product', order.product?.name],
        ['Recipient', order.target],
        ['Amount', displayMinor(order.amountMinor, order.currency)],
        ['Provider reference', order.providerRef],
        ['PIN', order.pin],
        ['Serial', order.serial],
        ['Token', order.token],
        ['Error', order.errorCode ? `${order.errorCode}${order.message ? `: ${order.message}` : ''}` : null],
        ['Last change', when(order.updatedAt)],
      ]
    : [];
  return (
    <section aria-labelledby="order-detail-heading" className="detail">
      <h2 id="order-detail-heading">Order {order?.agentReference ?? ''}</h2>
      <Problem message={errorMessage(error)} />
      {order && (
        <>
          <dl>
            {facts
              .filter(([, value]) => value)
              .map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
          <table>
            <caption>Wallet movements of this order</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind</th>
                <th scope="col">Amount</th>
                <th scope="col">Balance after</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{when(e.createdAt)}</td>
                  <td>{e.kind}</td>
                  <td className="amount">{displayMinor(e.amountMinor, e.currency)}</td>
                  <td className="amount">{displayMinor(e.balanceAfterMinor, e.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {order.attempts.length > 0 && (
            <table>
              <caption>Upstreams tried (a later one only after an earlier one certainly did not deliver)</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Upstream</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">What it said</th>
                </tr>
              </thead>
              <tbody>
                {order.attempts.map((a, i) => (
                  <tr key={`${a.upstream}-${i}`}>
                    <td>{when(a.startedAt)}</td>
                    <td>{a.upstream}</td>
                    <td>{a.status}</td>
                    <td>{[a.errorCode, a.upstreamCode, a.message].filter(Boolean).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <button type="button" onClick={onClose}>
        Close details
      </button>
    </section>
  );
}
