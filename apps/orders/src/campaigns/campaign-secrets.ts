import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { OrdersConfig } from '../config/orders.config.js';

/**
 * Campaign signing secrets. They must stay usable to compute an HMAC, so they cannot be hashed: they
 * are sealed at rest with AES-256-GCM under a key derived from CAMPAIGN_SECRET_KEY (a fresh IV each
 * time), so a read of the database alone does not let anyone sign a payout request.
 */
@Injectable()
export class CampaignSecrets {
  private readonly key: Buffer;

  constructor(config: OrdersConfig) {
    this.key = createHash('sha256').update(config.campaignSecretKey()).digest();
  }

  /** `cps_` and 32 random bytes, base64url: the text the tenant keys its HMAC with. */
  generate(): string {
    return `cps_${randomBytes(32).toString('base64url')}`;
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `v1.${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${sealed.toString('base64')}`;
  }

  open(box: string): string {
    const [version, iv, tag, sealed] = box.split('.');
    if (version !== 'v1' || !iv || !tag || !sealed) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
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
export function payoutSignature(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body).digest('hex')}`;
}
