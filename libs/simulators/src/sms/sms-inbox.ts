import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { normalizePhone } from '@airtime/phone';
import type { SimulatedSms } from './simulated-sms.js';

export interface SmsSimSettings {
  /** Whether GET/POST /sim/sms are served (they show every text sent). */
  serveInbox: boolean;
  /** The inbox keeps this many messages and forgets the oldest. */
  inboxSize: number;
}

export const SMS_SIM_SETTINGS = Symbol('SMS_SIM_SETTINGS');

/** Every SMS the platform sends in development and tests lands here instead of on a phone. */
@Injectable()
export class SmsInbox {
  private readonly messages: SimulatedSms[] = [];

  constructor(@Inject(SMS_SIM_SETTINGS) private readonly settings: SmsSimSettings) {}

  receive(to: string, message: string, from = 'AIRTIME', channel: SimulatedSms['channel'] = 'live'): SimulatedSms {
    const sms: SimulatedSms = { id: randomUUID(), to: normalizePhone(to) ?? to, from, message, channel, received_at: new Date().toISOString() };
    this.messages.push(sms);
    if (this.messages.length > this.settings.inboxSize) this.messages.shift();
    return sms;
  }

  /** Newest first; a recipient in any format (0775…, +263775…) finds the same messages. */
  list(to?: string): SimulatedSms[] {
    const recipient = to === undefined ? undefined : (normalizePhone(to) ?? to);
    return this.messages.filter((m) => recipient === undefined || m.to === recipient).reverse();
  }
}
