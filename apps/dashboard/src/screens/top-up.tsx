import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../errors.js';
import { TopUpsDocument, TopUpWalletDocument } from '../graphql/generated/operations.js';
import { displayMinor, majorAmountProblem } from '../money.js';
import type { Mode } from '../session.js';
import { when } from './api-keys.js';
import { Problem } from './auth.js';

/** The wallet's currencies (WALLET_CURRENCIES), USD first: a top-up may open a wallet the account has not got yet. */
const CURRENCIES = ['USD', 'ZWG', 'KES', 'NGN', 'SDG'] as const;
/** How often the list asks again while a payment is still open: Pesepay's answer comes by callback, not to this page. */
const POLL_MS = 3_000;

/**
 * A Pesepay top-up of the chosen mode's wallet. Pesepay's payment page opens in a new tab, so this screen
 * stays open: the balance above moves through walletUpdated once Pesepay confirms, and the recent
 * top-ups below show each payment's status (Pesepay's return page is the gateway's, not this app's).
 */
export function TopUpSection({ mode, moved }: { mode: Mode; moved: string | null }) {
  const [currency, setCurrency] = useState<string>('USD');
  const [amount, setAmount] = useState('');
  const [result, topUp] = useMutation(TopUpWalletDocument);
  const context = useMemo(() => ({ additionalTypenames: ['TopUp'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: TopUpsDocument, variables: { mode }, context });
  const topUps = data?.viewer.account.topUps.edges.map((e) => e.node) ?? [];
  const open = topUps.some((t) => t.status === 'pending' || t.status === 'initiating');
  const problem = amount.trim() ? majorAmountProblem(amount, currency) : null;
  const started = result.data?.topUpWallet.topUp;
  // The list is polled; the mutation's answer is not, so the started top-up's status comes from the list.
  const startedStatus = topUps.find((t) => t.reference === started?.reference)?.status ?? started?.status;

  useEffect(() => {
    if (moved) refetch({ requestPolicy: 'network-only' });
  }, [moved, refetch]);
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [open, refetch]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem || !amount.trim() || result.fetching) return;
    const answer = await topUp({ input: { amount: amount.trim(), currency, mode } });
    if (answer.data) {
      setAmount('');
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section aria-labelledby="top-up-heading">
      <h2 id="top-up-heading">Top up ({mode})</h2>
      <form className="inline" aria-label={`Top up the ${mode} wallet`} onSubmit={submit}>
        <p className="field">
          <label htmlFor="top-up-currency">Top-up currency</label>
          <select id="top-up-currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="top-up-amount">Top-up amount ({currency})</label>
          <input id="top-up-amount" value={amount} inputMode="decimal" autoComplete="off" required aria-invalid={problem ? true : undefined} aria-describedby="top-up-amount-problem" onChange={(e) => setAmount(e.target.value)} />
          <span id="top-up-amount-problem" className="hint">{problem ?? ''}</span>
        </p>
        <button type="submit" disabled={!amount.trim() || problem !== null || result.fetching}>
          Top up with Pesepay ({mode})
        </button>
      </form>
      <Problem message={errorMessage(result.error)} />
      {started?.redirectUrl && startedStatus === 'pending' && (
        <p role="status" className="notice">
          Top-up {started.reference} for {displayMinor(started.amountMinor, started.currency)} is waiting for payment.{' '}
          <a href={started.redirectUrl} target="_blank" rel="noopener noreferrer">
            Pay {displayMinor(started.amountMinor, started.currency)} at Pesepay (opens a new tab)
          </a>
          . The balance updates here once Pesepay confirms.
        </p>
      )}
      {started && startedStatus !== 'pending' && (
        <p role="status" className="notice">
          Top-up {started.reference} for {displayMinor(started.amountMinor, started.currency)} is {startedStatus}.
        </p>
      )}
      {fetching && !data && <p role="status">Loading top-ups…</p>}
      <Problem message={errorMessage(error)} />
      {data && topUps.length === 0 && <p>No {mode} top-ups yet.</p>}
      {topUps.length > 0 && (
        <table>
          <caption>Recent {mode} top-ups</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {topUps.map((t) => (
              <tr key={t.id}>
                <td>{t.reference}</td>
                <td className="amount">{displayMinor(t.amountMinor, t.currency)}</td>
                <td>{t.status}</td>
                <td>{when(t.createdAt)}</td>
                <td>{t.completedAt ? when(t.completedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
