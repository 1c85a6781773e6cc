import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../errors.js';
import { LedgerDocument, type LedgerQueryVariables } from '../graphql/generated/operations.js';
import { displayMinor } from '../money.js';
import type { Mode } from '../session.js';
import { when } from './api-keys.js';
import { Problem } from './auth.js';

const PAGE = 20;
/** The kinds of wallet movement (the wallet's TRANSFER_KINDS). */
const KINDS = ['topup', 'debit', 'refund', 'adjustment'] as const;

type Paging = Pick<LedgerQueryVariables, 'first' | 'after' | 'last' | 'before'>;

/**
 * The chosen mode's ledger, newest first, filtered by currency and kind a page at a time; fetched again
 * when `moved` changes (walletUpdated), like the balances above it.
 */
export function LedgerSection({ mode, currencies, moved }: { mode: Mode; currencies: string[]; moved: string | null }) {
  const [currency, setCurrency] = useState('');
  const [kind, setKind] = useState('');
  const [page, setPage] = useState<Paging>({ first: PAGE });
  const filter = (apply: () => void) => {
    apply();
    setPage({ first: PAGE });
  };
  const variables = { mode, ...page, ...(currency ? { currency } : {}), ...(kind ? { kind } : {}) };
  const context = useMemo(() => ({ additionalTypenames: ['LedgerEntry'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: LedgerDocument, variables, context });
  useEffect(() => {
    if (moved) refetch({ requestPolicy: 'network-only' });
  }, [moved, refetch]);
  const connection = data?.viewer.account.ledger;
  const entries = connection?.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Ledger ({mode})</h2>
      <form className="inline" aria-label="Filter the ledger" onSubmit={(e) => e.preventDefault()}>
        <p className="field">
          <label htmlFor="ledger-currency">Currency</label>
          <select id="ledger-currency" value={currency} onChange={(e) => filter(() => setCurrency(e.target.value))}>
            <option value="">All currencies</option>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="ledger-kind">Kind</label>
          <select id="ledger-kind" value={kind} onChange={(e) => filter(() => setKind(e.target.value))}>
            <option value="">All kinds</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </p>
      </form>
      {fetching && !data && <p role="status">Loading the ledger…</p>}
      <Problem message={errorMessage(error)} />
      {connection && entries.length === 0 && <p>No {mode} ledger entries match.</p>}
      {entries.length > 0 && (
        <table>
          <caption>Wallet movements in {mode} mode, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Amount</th>
              <th scope="col">Balance after</th>
              <th scope="col">Order</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{when(e.createdAt)}</td>
                <td>{e.kind}</td>
                <td className="amount">{displayMinor(e.amountMinor, e.currency)}</td>
                <td className="amount">{displayMinor(e.balanceAfterMinor, e.currency)}</td>
                <td>{e.orderId ?? ''}</td>
                <td>{e.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {connection && (connection.pageInfo.hasPreviousPage || connection.pageInfo.hasNextPage) && (
        <nav aria-label="Ledger pages" className="pager">
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

/** A YYYY-MM-DD date input's day as the instant it starts (UTC), or the next day's start for an end. */
function dayStart(day: string, next = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (next) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/**
 * The ledger of a date range as CSV, from REST's /api/v1/wallet/statement with the session's bearer
 * token (a plain link could not send it), saved through a temporary object URL.
 */
export function StatementDownload({ mode, token, currencies }: { mode: Mode; token: string; currencies: string[] }) {
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [currency, setCurrency] = useState('');
  const [state, setState] = useState<{ busy: boolean; problem: string | null; saved: string | null }>({ busy: false, problem: null, saved: null });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true, problem: null, saved: null });
    const query = new URLSearchParams({ from: dayStart(from), to: dayStart(to, true), mode, ...(currency ? { currency } : {}) });
    try {
      const answer = await fetch(`/api/v1/wallet/statement?${query}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!answer.ok) {
        const body = (await answer.json().catch(() => null)) as { message?: string } | null;
        setState({ busy: false, problem: body?.message ?? `The statement could not be made (HTTP ${answer.status}).`, saved: null });
        return;
      }
      const filename = /filename="([^"]+)"/.exec(answer.headers.get('Content-Disposition') ?? '')?.[1] ?? `statement-${mode}-${from}-${to}.csv`;
      const url = URL.createObjectURL(await answer.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState({ busy: false, problem: null, saved: filename });
    } catch {
      setState({ busy: false, problem: 'The dashboard cannot reach the platform. Check your connection and try again.', saved: null });
    }
  };
  return (
    <form className="inline" aria-label={`Download a ${mode} statement`} onSubmit={submit}>
      <p className="field">
        <label htmlFor="statement-from">Statement from</label>
        <input id="statement-from" type="date" required value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
      </p>
      <p className="field">
        <label htmlFor="statement-to">to (inclusive)</label>
        <input id="statement-to" type="date" required value={to} min={from} onChange={(e) => setTo(e.target.value)} />
      </p>
      <p className="field">
        <label htmlFor="statement-currency">Statement currency</label>
        <select id="statement-currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
          <option value="">All currencies</option>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </p>
      <button type="submit" disabled={state.busy}>
        Download CSV statement
      </button>
      <span role="status">{state.saved ? `Saved ${state.saved}.` : ''}</span>
      <Problem message={state.problem} />
    </form>
  );
}
