import { detectNetwork, type CountryCode } from '@airtime/phone';
import type { ProductRow } from '../catalogue/product-row.js';
import { invalidTarget } from './orders.exceptions.js';

/**
 * The recipient a product can serve, in the form the upstream needs: a phone number of the product's
 * own network in international digits, or a meter number for electricity.
 */
export function orderTarget(product: ProductRow, target: string): string {
  if (product.kind === 'electricity') {
    const meter = target.replace(/[\s-]/g, '');
    if (!/^\d{11}$/.test(meter)) throw invalidTarget('target must be an 11-digit meter number');
    return meter;
  }
  const detected = detectNetwork(target, product.country as CountryCode);
  if (!detected || detected.country !== product.country) {
    throw invalidTarget(`target must be a valid ${product.country} mobile number`);
  }
  if (detected.network !== product.network) {
    throw invalidTarget(`target is a ${detected.network} number; product ${product.id} serves ${product.network}`);
  }
  return detected.msisdn;
}
