import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { normalizePhone } from '@airtime/phone';
import { ProviderSimConfig } from '../config/provider-sim.config.js';
import type { SimulatedSms } from './simulated-sms.js';

/** Every SMS the platform sends in development and tests lands here instead of on a phone. */
@Injectable()
export class SmsInbox {
  private readonly messages: SimulatedSms[] = [];

  constructor(private readonly config: ProviderSimConfig) {}

  receive(to: string, message: string, from = 'AIRTIME', channel: SimulatedSms['channel'] = 'live'): SimulatedSms {
    const sms: SimulatedSms = { id: randomUUID(), to: normalizePhone(to) ?? to, from, message, channel, received_at: new Date().toISOString() };
    this.messages.push(sms);
    if (this.messages.length > this.config.SMS_INBOX_SIZE) this.messages.shift();
    return sms;
  }

  /** Newest first; a recipient in any format (0775…, +263775…) finds the same messages. */
  list(to?: string): SimulatedSms[] {
    const recipient = to === undefined ? undefined : (normalizePhone(to) ?? to);
    return this.messages.filter((m) => recipient === undefined || m.to === recipient).reverse();
  }
}
