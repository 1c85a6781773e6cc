import { Injectable, Logger } from '@nestjs/common';
import { ProviderSimConfig } from '../config/provider-sim.config.js';
import { encryptPesepayPayload } from './pesepay-cipher.js';
import type { PesepayTransactionView } from './pesepay-transaction.view.js';
import type { SentPesepayCallback } from './sent-pesepay-callback.js';

const CALLBACK_TIMEOUT_MS = 10_000;
/** A long-running simulator must not grow without bound; tests only ever look at recent ones. */
const KEEP = 10_000;

/**
 * Sends result callbacks as Pesepay does (the transaction, encrypted, POSTed to the resultUrl) and
 * remembers each attempt with the receiver's answer, so tests can see exactly what was sent.
 */
@Injectable()
export class PesepayCallbacks {
  private readonly logger = new Logger(PesepayCallbacks.name);
  private readonly sent: SentPesepayCallback[] = [];

  constructor(private readonly config: ProviderSimConfig) {}

  /** Never throws: a receiver that is down or failing is recorded, not the payer's problem. */
  async deliver(url: string, transaction: PesepayTransactionView): Promise<SentPesepayCallback> {
    const body = JSON.stringify({ payload: encryptPesepayPayload(transaction, this.config.PESEPAY_ENCRYPTION_KEY) });
    const callback: SentPesepayCallback = {
      reference: transaction.referenceNumber,
      url,
      body,
      status_code: null,
      error: null,
      sent_at: new Date().toISOString(),
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        // The receiver's own status is what is recorded, not that of wherever it redirects.
        redirect: 'manual',
        signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
      });
      callback.status_code = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      // fetch's own message ("fetch failed") says nothing; its cause says what happened.
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      callback.error = cause ? `${(error as Error).message}: ${cause}` : (error as Error).message;
    }
    this.sent.push(callback);
    if (this.sent.length > KEEP) this.sent.shift();
    if (callback.status_code === null || callback.status_code >= 300) {
      this.logger.warn(`callback for ${callback.reference} to ${url}: ${callback.error ?? `HTTP ${callback.status_code}`}`);
    }
    return callback;
  }

  /** Newest first. */
  list(reference?: string): SentPesepayCallback[] {
    return this.sent.filter((c) => reference === undefined || c.reference === reference).reverse();
  }
}
