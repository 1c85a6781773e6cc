import { type CountryCode, detectNetwork } from '@airtime/phone';
import type { BulkIssue } from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import type { ProductRow } from '../catalogue/product-row.js';
import { orderAmount } from '../orders/order-amount.js';
import { orderTarget } from '../orders/order-target.js';
import type { BulkRowCheck, BulkStagedRow } from './bulk-preview-store.js';

/** Numbers written without a country code are read as Zimbabwean, as 001's customers write them. */
const DEFAULT_COUNTRY: CountryCode = 'ZW';
/** The kinds a sheet without product_id may be paid in: a number gets airtime (or an airtime PIN where that is what its network sells). */
const AIRTIME_KINDS: ReadonlySet<string> = new Set(['airtime', 'voucher']);

/**
 * Checks every row of a sheet as CreateOrderUseCase would check its order (the same target and amount
 * rules), and the sheet as a whole: a repeated agent_reference is an error on every row after the
 * first (it would be one order, not two); the same target and amount again is a warning (often a
 * mistake, sometimes intended). A row without product_id gets an active airtime product of its
 * number's network in its currency column's currency, or without one in the currency of that
 * network's lowest-numbered product (USD for Zimbabwe, as 001's product 100): an amount is never
 * moved to another currency because it happens to fit that currency's range.
 */
export function checkBulkRows(staged: BulkStagedRow[], products: ProductRow[]): BulkRowCheck[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  const firstReference = new Map<string, number>();
  const firstPayment = new Map<string, number>();

  return staged.map((input) => {
    const errors: BulkIssue[] = [...input.errors];
    const warnings: BulkIssue[] = [];
    const issue = (column: string | null, code: string, message: string) => errors.push({ row: input.row, column, code, message });
    let product: ProductRow | undefined;
    let msisdn: string | null = null;
    let amountMinor: bigint | null = null;

    if (errors.length === 0) {
      if (input.product_id !== null) {
        product = byId.get(input.product_id);
        if (!product) issue('product_id', 'PRODUCT_NOT_FOUND', `product ${input.product_id} is not in the catalogue or is withdrawn`);
        else if (input.currency && input.currency !== product.currency) issue('currency', 'CURRENCY_MISMATCH', `product ${product.id} is sold in ${product.currency}, not ${input.currency}`);
      } else {
        product = chooseProduct(input, products, issue);
      }
      if (product) {
        msisdn = ruled(() => orderTarget(product as ProductRow, input.target), 'target', issue);
        amountMinor = ruled(() => orderAmount(product as ProductRow, input.amount), 'amount', issue);
      }
    }

    if (input.agent_reference !== null) {
      const first = firstReference.get(input.agent_reference);
      if (first === undefined) firstReference.set(input.agent_reference, input.row);
      else issue('agent_reference', 'DUPLICATE_REFERENCE', `agent_reference ${input.agent_reference} is also on row ${first}`);
    }
    if (errors.length === 0 && product && msisdn !== null && amountMinor !== null) {
      const key = `${msisdn}|${product.currency}|${amountMinor}`;
      const first = firstPayment.get(key);
      if (first === undefined) firstPayment.set(key, input.row);
      else warnings.push({ row: input.row, column: 'target', code: 'DUPLICATE_PAYMENT', message: `row ${first} pays the same target the same amount` });
    }

    const ok = errors.length === 0;
    return {
      row: input.row,
      status: ok ? (warnings.length ? 'warning' : 'ok') : 'error',
      resolved_product_id: ok && product ? product.id : null,
      msisdn: ok ? msisdn : null,
      amount_minor: ok ? amountMinor : null,
      resolved_currency: ok && product ? product.currency : null,
      errors,
      warnings,
    };
  });
}

function chooseProduct(input: BulkStagedRow, products: ProductRow[], issue: (column: string | null, code: string, message: string) => void): ProductRow | undefined {
  const detected = detectNetwork(input.target, DEFAULT_COUNTRY);
  if (!detected) {
    issue('target', 'INVALID_TARGET', `target ${input.target} is not a mobile number of a network we serve`);
    return undefined;
  }
  const serving = products.filter(
    (p) => p.active && AIRTIME_KINDS.has(p.kind) && p.country === detected.country && p.network === detected.network && (!input.currency || p.currency === input.currency),
  ).sort((a, b) => a.id - b.id);
  if (serving.length === 0) {
    issue('product_id', 'PRODUCT_NOT_FOUND', `no product serves ${detected.network} numbers${input.currency ? ` in ${input.currency}` : ''}; give a product_id`);
    return undefined;
  }
  const currency = (serving[0] as ProductRow).currency;
  const inCurrency = serving.filter((p) => p.currency === currency);
  const taking = inCurrency.find((p) => ruled(() => orderAmount(p, input.amount), 'amount', () => undefined) !== null);
  // None takes the amount: the first product's refusal says what range would do.
  return taking ?? inCurrency[0];
}

/** The rule's answer, or null with the refusal recorded against `column`. */
function ruled<T>(rule: () => T, column: string, issue: (column: string | null, code: string, message: string) => void): T | null {
  try {
    return rule();
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    issue(column, error.code, error.message);
    return null;
  }
}
