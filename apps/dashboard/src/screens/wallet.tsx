import { useEffect } from 'react';
import { useQuery, useSubscription } from 'urql';
import { errorMessage } from '../errors.js';
import { WalletsDocument, WalletUpdatedDocument } from '../graphql/generated/operations.js';
import { displayMinor } from '../money.js';
import type { Mode } from '../session.js';
import { Problem } from './auth.js';
import { LedgerSection, StatementDownload } from './ledger.js';
import { TopUpSection } from './top-up.js';

/** Balances per currency in the chosen mode, refreshed whenever walletUpdated says one moved; a Pesepay top-up, the ledger and statements below. */
export function WalletScreen({ mode, token }: { mode: Mode; token: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: WalletsDocument, variables: { mode } });
  const [moved] = useSubscription({ query: WalletUpdatedDocument });
  const movedAt = moved.data ? moved.data.walletUpdated.balanceMinor + moved.data.walletUpdated.currency : null;
  useEffect(() => {
    if (movedAt) refetch({ requestPolicy: 'network-only' });
  }, [movedAt, refetch]);
  const wallets = data?.viewer.account.wallets.edges.map((e) => e.node) ?? [];
  const currencies = wallets.map((w) => w.currency);
  return (
    <section aria-labelledby="wallet-heading">
      <h1 id="wallet-heading">Wallet ({mode})</h1>
      {fetching && !data && <p role="status">Loading balances…</p>}
      <Problem message={errorMessage(error)} />
      {data && wallets.length === 0 && <p>No {mode} wallet yet: a top-up or a credit opens one.</p>}
      {wallets.length > 0 && (
        <table>
          <caption>Balances in {mode} mode</caption>
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col">Balance</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {wallets.map((w) => (
              <tr key={w.id}>
                <td>{w.currency}</td>
                <td className="amount">{displayMinor(w.balanceMinor, w.currency)}</td>
                <td>{new Date(w.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TopUpSection mode={mode} moved={movedAt} />
      {wallets.length > 0 && <StatementDownload mode={mode} token={token} currencies={currencies} />}
      <LedgerSection mode={mode} currencies={currencies} moved={movedAt} />
    </section>
  );
}
