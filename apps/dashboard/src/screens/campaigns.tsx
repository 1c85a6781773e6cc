import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../errors.js';
import {
  CampaignPayoutsDocument,
  type CampaignPayoutsQueryVariables,
  type CampaignRowFragment,
  CampaignsDocument,
  CreateCampaignDocument,
  PauseCampaignDocument,
  ProductsDocument,
  ResumeCampaignDocument,
  RotateCampaignSecretDocument,
} from '../graphql/generated/operations.js';
import { displayMinor, majorAmountProblem } from '../money.js';
import type { Mode } from '../session.js';
import { when } from './api-keys.js';
import { Problem } from './auth.js';

type ShownSecret = { secret: string; name: string; databaseId: string; rotated: boolean };

/**
 * Payout campaigns in the chosen mode: budget, spend and what remains; a new one (its secret shown
 * once); pause and resume; a rotated secret (shown once); a campaign's payouts.
 */
export function CampaignsScreen({ mode }: { mode: Mode }) {
  // An empty list names no Campaign, so the cache must be told a new campaign makes it stale.
  const context = useMemo(() => ({ additionalTypenames: ['Campaign'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: CampaignsDocument, variables: { mode }, context });
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [payoutsOf, setPayoutsOf] = useState<string | null>(null);
  const campaigns = data?.viewer.account.campaigns.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="campaigns-heading">
      <h1 id="campaigns-heading">Campaigns ({mode})</h1>
      <CreateCampaign mode={mode} onCreated={setShown} />
      {shown && <SecretShownOnce shown={shown} onDone={() => setShown(null)} />}
      <h2>Your {mode} campaigns</h2>
      {fetching && !data && <p role="status">Loading campaigns…</p>}
      <Problem message={errorMessage(error)} />
      {data && campaigns.length === 0 && <p>No {mode} campaigns yet. Create one above to pay survey completions.</p>}
      {campaigns.length > 0 && (
        <table>
          <caption>Campaigns in {mode} mode</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Payout</th>
              <th scope="col">Budget</th>
              <th scope="col">Spent</th>
              <th scope="col">In flight</th>
              <th scope="col">Remaining</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">Ends</th>
              <th scope="col">More</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <CampaignRow key={c.id} campaign={c} payoutsOpen={payoutsOf === c.id} onPayouts={() => setPayoutsOf(payoutsOf === c.id ? null : c.id)} onRotated={setShown} />
            ))}
          </tbody>
        </table>
      )}
      {payoutsOf && <CampaignPayouts id={payoutsOf} onClose={() => setPayoutsOf(null)} />}
    </section>
  );
}

function payoutOf(c: Pick<CampaignRowFragment, 'amount' | 'minAmount' | 'maxAmount' | 'currency'>): string {
  return c.amount ? `${c.currency} ${c.amount}` : `${c.currency} ${c.minAmount ?? '…'} to ${c.maxAmount ?? '…'}`;
}

type RowProps = { campaign: CampaignRowFragment; payoutsOpen: boolean; onPayouts: () => void; onRotated: (shown: ShownSecret) => void };

function CampaignRow({ campaign: c, payoutsOpen, onPayouts, onRotated }: RowProps) {
  const [paused, pause] = useMutation(PauseCampaignDocument);
  const [resumed, resume] = useMutation(ResumeCampaignDocument);
  const [rotated, rotate] = useMutation(RotateCampaignSecretDocument);
  const busy = paused.fetching || resumed.fetching;
  const rotateNow = async () => {
    const answer = await rotate({ input: { id: c.id } });
    const payload = answer.data?.rotateCampaignSecret;
    if (payload) onRotated({ secret: payload.secret, name: payload.campaign.name, databaseId: payload.campaign.databaseId, rotated: true });
  };
  return (
    <tr>
      <td>{c.name}</td>
      <td>{payoutOf(c)}</td>
      <td className="amount">{displayMinor(c.budgetMinor, c.currency)}</td>
      <td className="amount">{displayMinor(c.spentMinor, c.currency)}</td>
      <td className="amount">{displayMinor(c.inFlightMinor, c.currency)}</td>
      <td className="amount">{displayMinor(c.remainingMinor, c.currency)}</td>
      <td>{when(c.createdAt)}</td>
      <td>
        {c.status}{' '}
        {c.status === 'active' && (
          <button type="button" disabled={busy} aria-label={`Pause ${c.name}`} onClick={() => pause({ input: { id: c.id } })}>
            Pause
          </button>
        )}
        {c.status === 'paused' && (
          <button type="button" disabled={busy} aria-label={`Resume ${c.name}`} onClick={() => resume({ input: { id: c.id } })}>
            Resume
          </button>
        )}
        <Problem message={errorMessage(paused.error) ?? errorMessage(resumed.error)} />
      </td>
      <td>{c.endsAt ? when(c.endsAt) : 'no end'}</td>
      <td>
        <button type="button" className="link" aria-expanded={payoutsOpen} aria-label={`Payouts of ${c.name}`} onClick={onPayouts}>
          Payouts
        </button>{' '}
        <button type="button" disabled={rotated.fetching} aria-label={`Rotate secret of ${c.name}`} onClick={rotateNow}>
          Rotate secret
        </button>
        <Problem message={errorMessage(rotated.error)} />
      </td>
    </tr>
  );
}

/** A datetime-local value (the browser's time zone) as ISO 8601, or null when empty or unreadable. */
function isoOf(local: string): string | null {
  if (!local) return null;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function CreateCampaign({ mode, onCreated }: { mode: Mode; onCreated: (shown: ShownSecret) => void }) {
  const [name, setName] = useState('');
  const [productId, setProductId] = useState('');
  const [ranged, setRanged] = useState(false);
  const [amount, setAmount] = useState('');
  const [minAmount, setMinAmount] = useState('');
  const [maxAmount, setMaxAmount] = useState('');
  const [budget, setBudget] = useState('');
  const [onePerPhone, setOnePerPhone] = useState(true);
  const [endsAt, setEndsAt] = useState('');
  const [{ data: catalogue, error: catalogueError }] = useQuery({ query: ProductsDocument });
  const [result, create] = useMutation(CreateCampaignDocument);
  const products = catalogue?.products.edges.map((e) => e.node) ?? [];
  const product = products.find((p) => String(p.productId) === productId);
  const currency = product?.currency ?? '';
  const problems = product
    ? [
        budget.trim() ? majorAmountProblem(budget, currency, 'a budget') : null,
        !ranged && amount.trim() ? majorAmountProblem(amount, currency, 'an amount') : null,
        ranged && minAmount.trim() ? majorAmountProblem(minAmount, currency, 'a least amount') : null,
        ranged && maxAmount.trim() ? majorAmountProblem(maxAmount, currency, 'a most amount') : null,
        endsAt && (isoOf(endsAt) ?? '') <= new Date().toISOString() ? 'The end must be in the future' : null,
      ]
    : [];
  const problem = problems.find((p) => p !== null) ?? null;
  const complete = Boolean(name.trim() && product && budget.trim() && (ranged ? minAmount.trim() && maxAmount.trim() : amount.trim()));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!product || !complete || problem) return;
    const payout = ranged ? { minAmount: minAmount.trim(), maxAmount: maxAmount.trim() } : { amount: amount.trim() };
    const ends = isoOf(endsAt);
    const answer = await create({ input: { name: name.trim(), productId: product.productId, budget: budget.trim(), onePerPhone, mode, ...payout, ...(ends ? { endsAt: ends } : {}) } });
    const payload = answer.data?.createCampaign;
    if (payload) {
      onCreated({ secret: payload.secret, name: payload.campaign.name, databaseId: payload.campaign.databaseId, rotated: false });
      setName('');
      setEndsAt('');
    }
  };
  const unit = currency ? ` (${currency})` : '';
  return (
    <>
      <form onSubmit={submit} aria-label={`Create a ${mode} campaign`} className="inline">
        <p className="field">
          <label htmlFor="campaign-name">Campaign name</label>
          <input id="campaign-name" value={name} required autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </p>
        <p className="field">
          <label htmlFor="campaign-product">Payout product</label>
          <select id="campaign-product" required value={productId} onChange={(e) => setProductId(e.target.value)}>
            <option value="">Choose a product</option>
            {products.map((p) => (
              <option key={p.id} value={String(p.productId)}>
                {p.name} ({p.network}, {p.currency})
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="campaign-ranged">Each payout</label>
          <select id="campaign-ranged" value={ranged ? 'range' : 'fixed'} onChange={(e) => setRanged(e.target.value === 'range')}>
            <option value="fixed">A fixed amount</option>
            <option value="range">Within a range</option>
          </select>
        </p>
        {ranged ? (
          <>
            <p className="field">
              <label htmlFor="campaign-min">Least payout{unit}</label>
              <input id="campaign-min" value={minAmount} required inputMode="decimal" autoComplete="off" onChange={(e) => setMinAmount(e.target.value)} />
            </p>
            <p className="field">
              <label htmlFor="campaign-max">Most payout{unit}</label>
              <input id="campaign-max" value={maxAmount} required inputMode="decimal" autoComplete="off" onChange={(e) => setMaxAmount(e.target.value)} />
            </p>
          </>
        ) : (
          <p className="field">
            <label htmlFor="campaign-amount">Payout amount{unit}</label>
            <input id="campaign-amount" value={amount} required inputMode="decimal" autoComplete="off" onChange={(e) => setAmount(e.target.value)} />
          </p>
        )}
        <p className="field">
          <label htmlFor="campaign-budget">Budget{unit}</label>
          <input id="campaign-budget" value={budget} required inputMode="decimal" autoComplete="off" aria-describedby="campaign-problem" onChange={(e) => setBudget(e.target.value)} />
        </p>
        <p className="field">
          <label htmlFor="campaign-ends">Ends at (optional)</label>
          <input id="campaign-ends" type="datetime-local" value={endsAt} aria-describedby="campaign-problem" onChange={(e) => setEndsAt(e.target.value)} />
        </p>
        <p className="field checkbox">
          <label>
            <input type="checkbox" checked={onePerPhone} onChange={(e) => setOnePerPhone(e.target.checked)} /> One payout per phone
          </label>
        </p>
        <button type="submit" disabled={!complete || problem !== null || result.fetching}>
          Create {mode} campaign
        </button>
        <span id="campaign-problem" className="hint">
          {problem ?? ''}
        </span>
      </form>
      <Problem message={errorMessage(catalogueError) ?? errorMessage(result.error)} />
    </>
  );
}

/** A campaign's signing secret, new or rotated: shown this once, with a copy button. */
function SecretShownOnce({ shown, onDone }: { shown: ShownSecret; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(shown.secret);
    setCopied(true);
  };
  return (
    <div className="secret" role="region" aria-label={shown.rotated ? "The campaign's new signing secret" : "Your new campaign's signing secret"}>
      <p>
        <strong>
          Copy the {shown.rotated ? 'new ' : ''}signing secret of “{shown.name}” now: it is shown only this once.
        </strong>{' '}
        {shown.rotated ? 'The old secret no longer works: give this one to your survey tool. ' : ''}Your survey tool signs each completion it
        sends to <code>POST /api/v1/campaigns/{shown.databaseId}/payouts</code> with it.
      </p>
      <p>
        <code data-testid="new-campaign-secret">{shown.secret}</code>
      </p>
      <button type="button" onClick={copy}>
        Copy secret
      </button>{' '}
      <span role="status">{copied ? 'Copied.' : ''}</span>{' '}
      <button type="button" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}

const PAYOUTS_PAGE = 20;
type Paging = Pick<CampaignPayoutsQueryVariables, 'first' | 'after' | 'last' | 'before'>;

/** One campaign's payouts, newest first, a page at a time, with its payouts counted by status. */
function CampaignPayouts({ id, onClose }: { id: string; onClose: () => void }) {
  const [page, setPage] = useState<Paging>({ first: PAYOUTS_PAGE });
  const [{ data, fetching, error }, refetch] = useQuery({ query: CampaignPayoutsDocument, variables: { id, ...page }, requestPolicy: 'cache-and-network' });
  const campaign = data?.node && 'payouts' in data.node ? data.node : null;
  const payouts = campaign?.payouts.edges.map((e) => e.node) ?? [];
  const info = campaign?.payouts.pageInfo;
  return (
    <section aria-labelledby="campaign-payouts-heading" className="detail">
      <h2 id="campaign-payouts-heading">Payouts of {campaign?.name ?? '…'}</h2>
      {fetching && !data && <p role="status">Loading payouts…</p>}
      <Problem message={errorMessage(error)} />
      {campaign && campaign.payoutCounts.length > 0 && <p>{campaign.payoutCounts.map((c) => `${c.status}: ${c.count}`).join(', ')}</p>}
      {campaign && payouts.length === 0 && <p>No payouts yet.</p>}
      {payouts.length > 0 && (
        <table>
          <caption>Payouts of {campaign?.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Completion</th>
              <th scope="col">Phone</th>
              <th scope="col">Amount</th>
              <th scope="col">Order</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {payouts.map((p) => (
              <tr key={p.databaseId}>
                <td>{when(p.createdAt)}</td>
                <td>{p.completionId}</td>
                <td>{p.phone}</td>
                <td className="amount">{displayMinor(p.amountMinor, p.currency)}</td>
                <td>{p.agentReference}</td>
                <td>{p.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {info && (info.hasPreviousPage || info.hasNextPage) && (
        <nav aria-label="Payout pages" className="pager">
          <button type="button" disabled={!info.hasPreviousPage} onClick={() => setPage({ last: PAYOUTS_PAGE, before: info.startCursor })}>
            Newer
          </button>
          <button type="button" disabled={!info.hasNextPage} onClick={() => setPage({ first: PAYOUTS_PAGE, after: info.endCursor })}>
            Older
          </button>
        </nav>
      )}
      <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
        Refresh payouts
      </button>{' '}
      <button type="button" onClick={onClose}>
        Close payouts
      </button>
    </section>
  );
}
