import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';

/**
 * Hands an SMS to notifications, which stores it (sealed, since it may hold a PIN) and retries it
 * until it goes. If notifications cannot take it now, the user can ask for a new PIN; the text is
 * never logged.
 */
@Injectable()
export class SmsSender {
  private readonly logger = new Logger(SmsSender.name);

  constructor(private readonly rpc: RpcClient) {}

  async send(to: string, message: string): Promise<boolean> {
    try {
      await this.rpc.request(Rpc.notifications.sendSms, { idempotency_key: `pin:${randomUUID()}`, purpose: 'pin', to, message });
      return true;
    } catch (error) {
      this.logger.warn(`SMS to ${to} not queued: ${(error as Error).message}`);
      return false;
    }
  }
}
