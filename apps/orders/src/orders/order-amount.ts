import { formatMinor, MoneyError, parseMajorToMinor } from '@airtime/money';
import type { ProductRow } from '../catalogue/product-row.js';
import { amountOutOfRange as outOfRange } from './orders.exceptions.js';

/** 001's major-unit amount, exactly, in minor units, within the product's range or one of its denominations. */
export function orderAmount(product: ProductRow, amount: string): bigint {
  let minor: bigint;
  try {
    minor = parseMajorToMinor(amount, product.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw outOfRange(`amount ${amount} is not a valid ${product.currency} amount: ${error.message}`);
    throw error;
  }
  const show = (m: string | bigint) => formatMinor(BigInt(m), product.currency);
  if (product.denominations_minor) {
    if (!product.denominations_minor.some((d) => BigInt(d) === minor)) {
      throw outOfRange(`amount must be one of ${product.denominations_minor.map(show).join(', ')} ${product.currency}`);
    }
    return minor;
  }
  if (minor < BigInt(product.min_minor as string) || minor > BigInt(product.max_minor as string)) {
    throw outOfRange(`amount must be between ${show(product.min_minor as string)} and ${show(product.max_minor as string)} ${product.currency}`);
  }
  return minor;
}
