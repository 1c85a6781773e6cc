import { Injectable } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { airtimeSignature, SecretBox } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';

/**
 * Campaign signing secrets. They must stay usable to compute an HMAC, so they cannot be hashed: they
 * are sealed at rest (SecretBox, under CAMPAIGN_SECRET_KEY), so a read of the database alone does
 * not let anyone sign a payout request.
 */
@Injectable()
export class CampaignSecrets {
  private readonly box: SecretBox;

  constructor(config: OrdersConfig) {
    this.box = new SecretBox(config.campaignSecretKey());
  }

  /** `cps_` and 32 random bytes, base64url: the text the tenant keys its HMAC with. */
  generate(): string {
    return `cps_${randomBytes(32).toString('base64url')}`;
  }

  seal(secret: string): string {
    return this.box.seal(secret);
  }

  open(box: string): string {
    return this.box.open(box);
  }

  /** Whether `signature` is 001's `sha256=<hex HMAC-SHA256(raw body, secret)>` of `body`, compared in constant time. */
  verifies(body: Buffer, signature: string | undefined, sealedSecret: string): boolean {
    if (!signature) return false;
    const expected = Buffer.from(payoutSignature(body, this.open(sealedSecret)), 'utf8');
    const given = Buffer.from(signature.trim().toLowerCase(), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** The signature notifications puts on webhooks (airtimeSignature), over a payout request's raw bytes. */
export const payoutSignature = airtimeSignature;
