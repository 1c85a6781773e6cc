import { Injectable, Logger } from '@nestjs/common';
import type { EstoresmsStatus } from './estoresms-api.js';

const CALLBACK_TIMEOUT_MS = 10_000;
/** A long-running simulator must not grow without bound; tests only ever look at recent ones. */
const KEEP = 10_000;

/** One callback the simulator sent, with the receiver's answer (for tests and people). */
export interface SentEstoresmsCallback {
  transaction_id: string;
  reference: string;
  status: EstoresmsStatus;
  url: string;
  /** Exactly what was POSTed (form-encoded). */
  body: string;
  status_code: number | null;
  error: string | null;
  sent_at: string;
}

/**
 * eStoreSMS POSTs `transaction_id`, `reference` and `status` to the request's `callback` URL when a
 * transaction's status changes. The document shows them as PHP's `$_POST` (`[transaction_id] => …`),
 * which is what a form-encoded POST fills, so that is how they are sent.
 */
@Injectable()
export class EstoresmsCallbacks {
  private readonly logger = new Logger(EstoresmsCallbacks.name);
  private readonly sent: SentEstoresmsCallback[] = [];

  /** Never throws: a receiver that is down or failing is recorded and logged, nothing more. */
  async deliver(url: string, fields: { transaction_id: string; reference: string; status: EstoresmsStatus }): Promise<SentEstoresmsCallback> {
    const body = new URLSearchParams({ transaction_id: fields.transaction_id, reference: fields.reference, status: fields.status }).toString();
    const callback: SentEstoresmsCallback = { ...fields, url, body, status_code: null, error: null, sent_at: new Date().toISOString() };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
      });
      callback.status_code = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      callback.error = cause ? `${(error as Error).message}: ${cause}` : (error as Error).message;
    }
    this.sent.push(callback);
    if (this.sent.length > KEEP) this.sent.shift();
    if (callback.status_code === null || callback.status_code >= 300) {
      this.logger.warn(`callback for ${callback.transaction_id} to ${url}: ${callback.error ?? `HTTP ${callback.status_code}`}`);
    }
    return callback;
  }

  /** Newest first, optionally for one transaction. */
  list(transactionId?: string): SentEstoresmsCallback[] {
    return this.sent.filter((c) => transactionId === undefined || c.transaction_id === transactionId).reverse();
  }
}
