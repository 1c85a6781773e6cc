import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CallbackSender } from '../callbacks/callback-sender.js';
import type { TestNumberBehaviour } from '../test-number-behaviour.js';
import { TestNumberOverrides } from '../test-number-overrides.js';
import { simulatorTiming } from '../simulator-timing.js';

export interface AtRecipient {
  phoneNumber: string;
  errorMessage: string;
  amount: string;
  status: string;
  requestId: string;
  discount: string;
}

/** Africa's Talking's airtime response object, as its API returns it inside the wrapper's answer. */
export interface AtResponse {
  errorMessage: string;
  numSent: number;
  totalAmount: string;
  totalDiscount: string;
  responses: AtRecipient[];
}

const money = (currency: string, value: number) => `${currency} ${value.toFixed(4)}`;

/**
 * The simulated airtime service: sends are idempotent on the idempotency key (a repeat returns the
 * original answer, as it stands now), "Sent" becomes "Success" or "Failed" after a while, and the
 * status callback reports it.
 */
@Injectable()
export class AfricasTalkingSimulatorService {
  private readonly callbacks = new CallbackSender<{ requestId: string }>('AfricasTalkingSimulator');
  private readonly sends = new Map<string, AtResponse>();
  private readonly timing = simulatorTiming();

  constructor(@Inject(TestNumberOverrides) private readonly behaviours: TestNumberOverrides) {}

  /** Undefined `response`: the API failed before sending anything (a 5xx). */
  send(phone: string, amount: number, currency: string, key: string): { response?: AtResponse; behaviour: TestNumberBehaviour; replay: boolean } {
    const behaviour = this.behaviours.of(phone);
    const existing = this.sends.get(key);
    if (existing) return { response: existing, behaviour, replay: true };
    if (behaviour === 'server-error') return { behaviour, replay: false };
    const discount = amount * 0.006;
    const refused: Partial<Record<TestNumberBehaviour, string>> = { reject: 'UserNotFound', 'insufficient-balance': 'InsufficientBalance' };
    const status = refused[behaviour] ?? 'Sent';
    const recipient: AtRecipient = {
      phoneNumber: `+${phone}`,
      errorMessage: status === 'Sent' ? 'None' : status,
      amount: money(currency, amount),
      status,
      requestId: `ATQid_${randomBytes(16).toString('hex')}`,
      discount: money(currency, status === 'Sent' ? discount : 0),
    };
    const response: AtResponse = {
      errorMessage: 'None',
      numSent: status === 'Sent' ? 1 : 0,
      totalAmount: money(currency, status === 'Sent' ? amount : 0),
      totalDiscount: recipient.discount,
      responses: [recipient],
    };
    if (status === 'Sent') {
      this.sends.set(key, response);
      const fails = behaviour === 'timeout-then-failure' || behaviour === 'pending-then-failure';
      setTimeout(() => this.deliver(recipient, fails), this.timing.callbackDelayMs).unref();
    }
    return { response, behaviour, replay: false };
  }

  /** The send made under an idempotency key, as it stands now (its recipient's status moves on). */
  sendOf(key: string): AtResponse | undefined {
    return this.sends.get(key);
  }

  slowAnswerMs(): number {
    return this.timing.slowAnswerMs;
  }

  private deliver(recipient: AtRecipient, fails: boolean): void {
    recipient.status = fails ? 'Failed' : 'Success';
    if (fails) recipient.errorMessage = 'Failed';
    // The platform authenticates these callbacks by the secret in the URL (the adapter's development default here).
    const url = process.env['SIM_AFRICASTALKING_CALLBACK_URL'] ?? 'http://127.0.0.1:3000/callbacks/africastalking?token=sim-africastalking-callback-secret-0001';
    const body = {
      phoneNumber: recipient.phoneNumber,
      description: fails ? 'Airtime delivery failed' : 'Airtime delivered',
      status: recipient.status,
      requestId: recipient.requestId,
      discount: recipient.discount,
      value: recipient.amount,
    };
    void this.callbacks.deliver(url, { json: body }, { requestId: recipient.requestId });
  }
}
