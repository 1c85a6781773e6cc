import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../errors.js';
import { type CampaignRowFragment, CampaignsDocument, CreateCampaignDocument, PauseCampaignDocument, ProductsDocument, ResumeCampaignDocument } from '../graphql/generated/operations.js';
import { displayMinor, majorAmountProblem } from '../money.js';
import type { Mode } from '../session.js';
import { when } from './api-keys.js';
import { Problem } from './auth.js';

/** Payout campaigns in the chosen mode: budget, spend and what remains; a new one (its secret shown once); pause and resume. */
export function CampaignsScreen({ mode }: { mode: Mode }) {
  // An empty list names no Campaign, so the cache must be told a new campaign makes it stale.
  const context = useMemo(() => ({ additionalTypenames: ['Campaign'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: CampaignsDocument, variables: { mode }, context });
  const campaigns = data?.viewer.account.campaigns.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="campaigns-heading">
      <h1 id="campaigns-heading">Campaigns ({mode})</h1>
      <CreateCampaign mode={mode} />
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
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <CampaignRow key={c.id} campaign={c} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function payoutOf(c: Pick<CampaignRowFragment, 'amount' | 'minAmount' | 'maxAmount' | 'currency'>): string {
  return c.amount ? `${c.currency} ${c.amount}` : `${c.currency} ${c.minAmount ?? '…'} to ${c.maxAmount ?? '…'}`;
}

function CampaignRow({ campaign: c }: { campaign: CampaignRowFragment }) {
  const [paused, pause] = useMutation(PauseCampaignDocument);
  const [resumed, resume] = useMutation(ResumeCampaignDocument);
  const busy = paused.fetching || resumed.fetching;
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
    </tr>
  );
}

function CreateCampaign({ mode }: { mode: Mode }) {
  const [name, setName] = useState('');
  const [productId, setProductId] = useState('');
  const [ranged, setRanged] = useState(false);
  const [amount, setAmount] = useState('');
  const [minAmount, setMinAmount] = useState('');
  const [maxAmount, setMaxAmount] = useState('');
  const [budget, setBudget] = useState('');
  const [onePerPhone, setOnePerPhone] = useState(true);
  const [created, setCreated] = useState<{ secret: string; name: string; databaseId: string } | null>(null);
  const [copied, setCopied] = useState(false);
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
      ]
    : [];
  const problem = problems.find((p) => p !== null) ?? null;
  const complete = Boolean(name.trim() && product && budget.trim() && (ranged ? minAmount.trim() && maxAmount.trim() : amount.trim()));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!product || !complete || problem) return;
    const payout = ranged ? { minAmount: minAmount.trim(), maxAmount: maxAmount.trim() } : { amount: amount.trim() };
    const answer = await create({ input: { name: name.trim(), productId: product.productId, budget: budget.trim(), onePerPhone, mode, ...payout } });
    const payload = answer.data?.createCampaign;
    if (payload) {
      setCreated({ secret: payload.secret, name: payload.campaign.name, databaseId: payload.campaign.databaseId });
      setCopied(false);
      setName('');
    }
  };
  const copy = async () => {
    await navigator.clipboard.writeText(created?.secret ?? '');
    setCopied(true);
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
      {created && (
        <div className="secret" role="region" aria-label="Your new campaign's signing secret">
          <p>
            <strong>Copy the signing secret of “{created.name}” now: it is shown only this once.</strong> Your survey tool
            signs each completion it sends to <code>POST /api/v1/campaigns/{created.databaseId}/payouts</code> with it.
          </p>
          <p>
            <code data-testid="new-campaign-secret">{created.secret}</code>
          </p>
          <button type="button" onClick={copy}>
            Copy secret
          </button>{' '}
          <span role="status">{copied ? 'Copied.' : ''}</span>{' '}
          <button type="button" onClick={() => setCreated(null)}>
            I have stored it
          </button>
        </div>
      )}
    </>
  );
}
