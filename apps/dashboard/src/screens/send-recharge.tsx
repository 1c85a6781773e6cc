import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { currencyExponent, parseMajorToMinor } from '@airtime/money';
import { type CountryCode, detectNetwork } from '@airtime/phone';
import { errorMessage } from '../errors.js';
import { ProductsDocument, type ProductsQuery, SendRechargeDocument } from '../graphql/generated/operations.js';
import type { Mode } from '../session.js';
import { Problem } from './auth.js';

type Product = ProductsQuery['products']['edges'][number]['node'];

/** A fresh idempotency key: one per order the user means to send, however many times the request goes out. */
function newReference(): string {
  return `dash-${crypto.randomUUID()}`;
}

/**
 * Whether a product can serve this recipient, by the rule orders applies (apps/orders order-target):
 * an 11-digit meter for electricity, otherwise a number of the product's own country and network.
 */
export function productFits(product: Pick<Product, 'kind' | 'country' | 'network'>, target: string): boolean {
  if (product.kind === 'electricity') return /^\d{11}$/.test(target.replace(/[\s-]/g, ''));
  const detected = detectNetwork(target, product.country as CountryCode);
  return detected !== null && detected.country === product.country && detected.network === product.network;
}

/** The amount's problem against the product's bounds, compared in minor units (never floats); null when fine. */
export function amountProblem(amount: string, product: Pick<Product, 'currency' | 'minAmount' | 'maxAmount'>): string | null {
  let minor: bigint;
  try {
    minor = parseMajorToMinor(amount.trim(), product.currency);
  } catch {
    return `Enter an amount like 5 or 5.50 (at most ${currencyExponent(product.currency)} decimals).`;
  }
  if (minor <= 0n) return 'Enter an amount above zero.';
  if (product.minAmount && minor < parseMajorToMinor(product.minAmount, product.currency)) return `The least this product sends is ${product.currency} ${product.minAmount}.`;
  if (product.maxAmount && minor > parseMajorToMinor(product.maxAmount, product.currency)) return `The most this product sends is ${product.currency} ${product.maxAmount}.`;
  return null;
}

function bounds(p: Product): string {
  if (p.denominations?.length) return `${p.currency} ${p.denominations.join(', ')}`;
  return `${p.currency} ${p.minAmount ?? '…'} to ${p.maxAmount ?? '…'}`;
}

/**
 * Send one recharge in the chosen mode. The agentReference is made once per intended order and reused
 * for every send of it (a double click, a retry after a lost answer), so the platform makes one order;
 * changing the form, or a confirmed order, starts a new one.
 */
export function SendRechargeForm({ mode }: { mode: Mode }) {
  const [target, setTarget] = useState('');
  const [productId, setProductId] = useState('');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState(newReference);
  const [sent, setSent] = useState<string | null>(null);
  const inFlight = useRef(false);
  const [{ data: catalogue, error: catalogueError }] = useQuery({ query: ProductsDocument });
  const [result, send] = useMutation(SendRechargeDocument);

  const products = useMemo(() => catalogue?.products.edges.map((e) => e.node) ?? [], [catalogue]);
  const fitting = useMemo(() => (target.trim() ? products.filter((p) => productFits(p, target)) : []), [products, target]);
  const product = fitting.find((p) => String(p.productId) === productId) ?? (fitting.length === 1 ? fitting[0] : undefined);
  const problem = product && amount.trim() ? amountProblem(amount, product) : null;

  const edited = (apply: () => void) => {
    apply();
    setSent(null);
    setReference(newReference());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!product || problem || inFlight.current) return;
    inFlight.current = true;
    try {
      const answer = await send({ input: { productId: product.productId, target: target.trim(), amount: amount.trim(), agentReference: reference, mode } });
      const order = answer.data?.sendRecharge.order;
      if (order) {
        setSent(`Order ${order.agentReference} to ${order.target} is ${order.status}.`);
        setReference(newReference());
      }
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <form onSubmit={submit} aria-label={`Send a ${mode} recharge`} className="recharge">
      <h2>Send a {mode} recharge</h2>
      <p className="field">
        <label htmlFor="recharge-target">Recipient number (or meter)</label>
        <input id="recharge-target" name="target" value={target} required inputMode="tel" autoComplete="off" onChange={(e) => edited(() => setTarget(e.target.value))} />
      </p>
      <p className="field">
        <label htmlFor="recharge-product">Product</label>
        <select id="recharge-product" name="product" required value={product ? String(product.productId) : ''} disabled={fitting.length === 0} aria-describedby="recharge-product-hint" onChange={(e) => edited(() => setProductId(e.target.value))}>
          <option value="">{fitting.length ? 'Choose a product' : 'Enter a number first'}</option>
          {fitting.map((p) => (
            <option key={p.id} value={String(p.productId)}>
              {p.name} ({p.network}, {bounds(p)})
            </option>
          ))}
        </select>
        <span id="recharge-product-hint" className="hint">
          {target.trim() && products.length > 0 && fitting.length === 0 ? 'No product serves this number.' : product ? `Sends ${bounds(product)} to ${product.network} in ${product.country}.` : ''}
        </span>
      </p>
      <p className="field">
        <label htmlFor="recharge-amount">Amount{product ? ` (${product.currency})` : ''}</label>
        <input id="recharge-amount" name="amount" value={amount} required inputMode="decimal" autoComplete="off" aria-invalid={problem ? true : undefined} aria-describedby="recharge-amount-problem" onChange={(e) => edited(() => setAmount(e.target.value))} />
        <span id="recharge-amount-problem" className="hint">{problem ?? ''}</span>
      </p>
      <button type="submit" disabled={!product || !amount.trim() || problem !== null || result.fetching}>
        Send {mode} recharge
      </button>
      <Problem message={errorMessage(catalogueError) ?? errorMessage(result.error)} />
      <p role="status">{sent ?? ''}</p>
    </form>
  );
}
