import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { normalizePhone } from '@airtime/phone';
import { GatewayConfig } from '../config/gateway.config.js';
import { type ThrottlePolicy, Throttler } from '../throttling/throttler.js';
import { clientAddress } from '../throttling/client-address.js';

/**
 * Limits on the endpoints open to anyone that check PINs or send one by SMS (REST and GraphQL alike).
 * identity locks a phone after failed PINs; these add what only the gateway can see: the caller's
 * address, and the load on the whole platform.
 */
@Injectable()
export class SignInLimits {
  private readonly pinChecksPerAddress: ThrottlePolicy;
  private readonly pinChecksGlobal: ThrottlePolicy;
  private readonly pinSmsPerAddress: ThrottlePolicy;
  private readonly pinSmsPerPhone: ThrottlePolicy;

  constructor(
    private readonly throttler: Throttler,
    private readonly config: GatewayConfig,
  ) {
    this.pinChecksPerAddress = { name: 'pin-address', points: config.RATE_LIMIT_PIN_LOGINS_PER_ADDRESS_PER_HOUR, durationSeconds: 3600, refusal: 'Too many login attempts from this address' };
    // argon2id costs 64 MiB and tens of milliseconds of CPU per check: a ceiling keeps a flood from taking identity down.
    this.pinChecksGlobal = { name: 'pin-global', points: config.RATE_LIMIT_PIN_CHECKS_PER_SECOND, durationSeconds: 1, refusal: 'Too many login attempts, try again shortly' };
    this.pinSmsPerAddress = { name: 'pin-sms-address', points: config.RATE_LIMIT_PIN_SMS_PER_ADDRESS_PER_HOUR, durationSeconds: 3600, refusal: 'Too many PIN requests from this address' };
    this.pinSmsPerPhone = { name: 'pin-sms-phone', points: config.RATE_LIMIT_PIN_SMS_PER_PHONE_PER_HOUR, durationSeconds: 3600, refusal: 'Too many PIN requests for this phone' };
  }

  /** Before a PIN is checked: per address first, so one address's flood does not spend the global allowance. */
  async pinCheck(request: Request | undefined): Promise<void> {
    await this.throttler.consume(this.pinChecksPerAddress, clientAddress(request));
    await this.throttler.consume(this.pinChecksGlobal, 'all');
  }

  /** Before onboarding or a PIN reset, both of which send a PIN by SMS to the phone given. */
  async pinSms(request: Request | undefined, phone: string): Promise<void> {
    await this.throttler.consume(this.pinSmsPerAddress, clientAddress(request));
    await this.throttler.consume(this.pinSmsPerPhone, normalizePhone(phone) ?? phone);
  }

  /**
   * Runs `work` and answers no sooner than PIN_SMS_MIN_RESPONSE_MS after it began, success or error:
   * a registered phone (hash a PIN, send an SMS) and an unknown one (a quick 422) take the same time.
   */
  async paced<T>(work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      const left = this.config.PIN_SMS_MIN_RESPONSE_MS - (Date.now() - started);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  }
}
