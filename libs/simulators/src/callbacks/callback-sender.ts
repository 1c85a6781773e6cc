import { Logger } from '@nestjs/common';

const CALLBACK_TIMEOUT_MS = 10_000;
/** A long-running simulator must not grow without bound; tests only ever look at recent ones. */
const KEEP = 10_000;

/** A callback's body as its upstream sends it: JSON, or form fields (what PHP's `$_POST` reads). */
export type CallbackBody = { json: unknown } | { form: Record<string, string> };

/** One callback a simulator sent, with the receiver's answer; `about` says what it was for. */
export type SentCallback<About extends object> = About & {
  url: string;
  /** Exactly what was POSTed. */
  body: string;
  /** The receiver's HTTP status; null when it could not be reached or did not answer in time. */
  status_code: number | null;
  error: string | null;
  sent_at: string;
};

/**
 * How every simulator calls the platform back (a result callback, a status callback, a webhook): one
 * POST per event, never retried, never throwing, each attempt remembered with the receiver's answer
 * so that tests and people can see exactly what was sent.
 */
export class CallbackSender<About extends object> {
  private readonly logger: Logger;
  private readonly sent: SentCallback<About>[] = [];

  constructor(simulator: string) {
    this.logger = new Logger(simulator);
  }

  /** A receiver that is down or failing is recorded and logged, never the sender's problem. */
  async deliver(url: string, body: CallbackBody, about: About): Promise<SentCallback<About>> {
    const [contentType, text] =
      'form' in body ? ['application/x-www-form-urlencoded', new URLSearchParams(body.form).toString()] : ['application/json', JSON.stringify(body.json)];
    const callback: SentCallback<About> = { ...about, url, body: text, status_code: null, error: null, sent_at: new Date().toISOString() };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: text,
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
      this.logger.warn(`callback ${JSON.stringify(about)} to ${url}: ${callback.error ?? `HTTP ${callback.status_code}`}`);
    }
    return callback;
  }

  /** Newest first; those `about` the given values when some are given. */
  list(about: Partial<About> = {}): SentCallback<About>[] {
    const wanted = Object.entries(about).filter(([, value]) => value !== undefined);
    return this.sent.filter((c) => wanted.every(([key, value]) => c[key as keyof About] === value)).reverse();
  }
}
