import { Injectable, Logger } from '@nestjs/common';
import { IdentityConfig } from '../config/identity.config.js';

/**
 * Sends an SMS through the SMS API (today the simulator's inbox). The text may hold a PIN, so it is
 * never logged; a failure is logged with the recipient only, and the user can ask for a new PIN.
 */
@Injectable()
export class SmsSender {
  private readonly logger = new Logger(SmsSender.name);

  constructor(private readonly config: IdentityConfig) {}

  async send(to: string, message: string): Promise<boolean> {
    try {
      const response = await fetch(new URL('/sim/sms', this.config.SMS_API_URL), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to, message, from: 'AIRTIME' }),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`SMS API answered ${response.status}`);
      return true;
    } catch (error) {
      this.logger.warn(`SMS to ${to} not sent: ${(error as Error).message}`);
      return false;
    }
  }
}
