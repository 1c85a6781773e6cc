import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { CallbackSender } from '../callbacks/callback-sender.js';
import type { TestNumberBehaviour } from '../test-number-behaviour.js';
import { simulatorTiming } from '../simulator-timing.js';

export interface TutiTransaction {
  transaction_id: string;
  phone: string;
  type: string;
  amount: string;
  customer_name: string;
  customer_email: string;
  status: 'pending' | 'successful' | 'failed';
  message?: string;
  code?: string;
}

/** Seed 004: at most 10,000 (SDG) per phone number per day, per service. */
const DAILY_LIMIT = 10_000;

/**
 * The simulated Tuti queue: every transaction starts pending and completes after a while, then the
 * webhook is called; an inquiry answers what it has come to.
 */
@Injectable()
export class TutiSimulatorService {
  private readonly webhooks = new CallbackSender<{ transaction_id: string }>('TutiSimulator');
  private readonly transactions = new Map<string, TutiTransaction>();
  private readonly spentToday = new Map<string, number>();
  private readonly timing = simulatorTiming();

  create(input: Omit<TutiTransaction, 'transaction_id' | 'status'>, behaviour: TestNumberBehaviour): TutiTransaction {
    const transaction: TutiTransaction = { ...input, transaction_id: String(randomInt(100_000_000, 999_999_999)), status: 'pending' };
    this.transactions.set(transaction.transaction_id, transaction);
    const fails = behaviour === 'timeout-then-failure' || behaviour === 'pending-then-failure';
    setTimeout(() => this.complete(transaction, fails), this.timing.callbackDelayMs).unref();
    return transaction;
  }

  /** Records the day's spend per phone and service; false when the limit would be passed. */
  withinDailyLimit(phone: string, type: string, amount: number): boolean {
    const key = `${new Date().toISOString().slice(0, 10)}:${type}:${phone}`;
    const spent = this.spentToday.get(key) ?? 0;
    if (spent + amount > DAILY_LIMIT) return false;
    this.spentToday.set(key, spent + amount);
    return true;
  }

  find(id: string): TutiTransaction | undefined {
    return this.transactions.get(id);
  }

  slowAnswerMs(): number {
    return this.timing.slowAnswerMs;
  }

  private complete(transaction: TutiTransaction, fails: boolean): void {
    Object.assign(transaction, fails
      ? { status: 'failed', message: 'Maximum amount exceeded', code: 'maximum_amount_exceeded' }
      : { status: 'successful', message: 'Approved', code: 'approved' });
    const url = process.env['SIM_TUTI_WEBHOOK_URL'] ?? 'http://127.0.0.1:3000/callbacks/tuti';
    void this.webhooks.deliver(url, { json: completion(transaction) }, { transaction_id: transaction.transaction_id });
  }
}

/** The inquiry's (and the webhook's) body, as seed 004 shows it. */
export function completion(t: TutiTransaction) {
  const common = { transaction_id: t.transaction_id, amount: t.amount, status: t.status, phone: t.phone, type: t.type, customer_name: t.customer_name, customer_email: t.customer_email };
  if (t.status === 'failed') return { result: 'error', ...common, message: t.message, code: t.code };
  if (t.status === 'successful') return { result: 'ok', ...common, message: t.message, code: t.code };
  return { result: 'ok', ...common };
}

