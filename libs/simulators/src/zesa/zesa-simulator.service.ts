import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { behaviourOf } from '../test-number-behaviour.js';
import { simulatorTiming } from '../simulator-timing.js';

export interface ZesaSale {
  reference: string;
  receipt_number: string;
  token: string;
  token_formatted: string;
  units_kwh: string;
  meter_number: string;
  customer_name: string;
  amount: string;
  currency: string;
  ready_at: number;
}

export type ZesaPurchase =
  | { kind: 'sold'; sale: ZesaSale; slow: boolean; garbage: boolean }
  | { kind: 'processing' }
  | { kind: 'refused'; status: number; code: string; message: string; slow: boolean };

const CUSTOMERS = ['T. Moyo', 'R. Chikwanha', 'N. Dube', 'S. Mutasa', 'P. Ncube'];

/** The simulated ZESA vendor's state: the meters it knows and the tokens it sold, by reference. */
@Injectable()
export class ZesaSimulatorService {
  private readonly sales = new Map<string, ZesaSale>();
  private readonly timing = simulatorTiming();

  lookup(meter: string): { meter_number: string; customer_name: string; address: string; tariff: string } | undefined {
    if (!/^\d{11}$/.test(meter) || behaviourOf(meter) === 'reject') return undefined;
    return {
      meter_number: meter,
      customer_name: CUSTOMERS[Number(meter.slice(-2)) % CUSTOMERS.length] as string,
      address: `${Number(meter.slice(-3))} Samora Machel Avenue, Harare`,
      tariff: 'Domestic prepaid',
    };
  }

  /** Idempotent on the reference: the same reference never sells twice. */
  purchase(meter: string, amount: string, currency: string, reference: string): ZesaPurchase {
    const existing = this.sales.get(reference);
    if (existing) return existing.ready_at > Date.now() ? { kind: 'processing' } : { kind: 'sold', sale: existing, slow: false, garbage: false };
    const customer = this.lookup(meter);
    if (!customer) return { kind: 'refused', status: 404, code: 'METER_NOT_FOUND', message: `Meter ${meter} is not registered`, slow: false };
    const behaviour = behaviourOf(meter);
    if (behaviour === 'insufficient-balance') return { kind: 'refused', status: 402, code: 'VENDOR_FLOAT_EXHAUSTED', message: 'Vendor float exhausted', slow: false };
    if (behaviour === 'server-error') return { kind: 'refused', status: 500, code: 'INTERNAL', message: 'Internal server error', slow: false };
    if (behaviour === 'timeout-then-failure') return { kind: 'refused', status: 503, code: 'VENDING_UNAVAILABLE', message: 'Vending system unavailable', slow: true };
    const token = Array.from({ length: 20 }, () => String(randomInt(10))).join('');
    const delayed = behaviour === 'pending-then-success' || behaviour === 'pending-then-failure';
    const sale: ZesaSale = {
      reference,
      receipt_number: `ZESA${Date.now()}${randomInt(1000, 9999)}`,
      token,
      token_formatted: token.replace(/(\d{4})(?=\d)/g, '$1-'),
      units_kwh: (Number(amount) * 10).toFixed(1),
      meter_number: meter,
      customer_name: customer.customer_name,
      amount,
      currency,
      ready_at: delayed ? Date.now() + this.timing.callbackDelayMs : 0,
    };
    if (behaviour === 'pending-then-failure') return { kind: 'processing' };
    this.sales.set(reference, sale);
    if (delayed) return { kind: 'processing' };
    return { kind: 'sold', sale, slow: behaviour === 'timeout-then-success', garbage: behaviour === 'garbage' };
  }

  find(reference: string): ZesaSale | 'processing' | undefined {
    const sale = this.sales.get(reference);
    if (!sale) return undefined;
    return sale.ready_at > Date.now() ? 'processing' : sale;
  }

  slowAnswerMs(): number {
    return this.timing.slowAnswerMs;
  }
}
