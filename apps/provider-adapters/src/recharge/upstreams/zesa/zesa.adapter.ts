import { Injectable } from '@nestjs/common';
import { formatMinor } from '@airtime/money';
import type { DispatchOutcome, DispatchRequest, QueryDispatchRequest } from '@airtime/contracts';
import { outcome } from '../../outcomes.js';
import type { UpstreamAdapter } from '../../upstream-adapter.js';
import { upstreamHttp } from '../../upstream-http.js';
import { zesaOutcome } from './zesa-answer.js';
import { ZesaConfig } from './zesa.config.js';

/** Prepaid electricity tokens from the ZESA vendor: look the meter up, then buy under our reference. */
@Injectable()
export class ZesaAdapter implements UpstreamAdapter {
  readonly id = 'zesa' as const;
  readonly resolvesUnknownBy =
    'looking the purchase up by our reference (GET /tokens/{reference}); purchases are idempotent on it, so a 404 there means nothing was sold';

  constructor(private readonly config: ZesaConfig) {}

  async send(request: DispatchRequest): Promise<DispatchOutcome> {
    if (request.kind !== 'electricity') return outcome.failed(request.reference, 'NOT_SUPPORTED', null, 'ZESA sells electricity tokens only');
    const { baseUrl, apiKey } = this.config.endpoint(request.mode);
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
    const timeoutMs = this.config.ZESA_TIMEOUT_MS;

    // Nothing is bought by a look-up, so any failure here is a certain failure to deliver.
    const lookup = await upstreamHttp(`${baseUrl}/api/v1/meters/lookup`, { method: 'POST', headers, body: JSON.stringify({ meter_number: request.target }), timeoutMs });
    if (lookup.kind !== 'answer' || lookup.status !== 200) {
      if (lookup.kind === 'answer' && lookup.status === 404) return outcome.failed(request.reference, 'INVALID_TARGET', 'METER_NOT_FOUND', `ZESA does not know meter ${request.target}`);
      return outcome.failed(request.reference, 'UPSTREAM_UNAVAILABLE', lookup.kind === 'answer' ? String(lookup.status) : null, 'ZESA meter look-up failed; nothing was bought');
    }

    const purchase = await upstreamHttp(`${baseUrl}/api/v1/tokens`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ meter_number: request.target, amount: formatMinor(BigInt(request.amount_minor), request.currency), currency: request.currency, reference: request.reference }),
      timeoutMs,
    });
    return zesaOutcome(request.reference, purchase, 'purchase');
  }

  async query(request: QueryDispatchRequest): Promise<DispatchOutcome> {
    const { baseUrl, apiKey } = this.config.endpoint(request.mode);
    const answer = await upstreamHttp(`${baseUrl}/api/v1/tokens/${encodeURIComponent(request.reference)}`, {
      method: 'GET',
      headers: { 'x-api-key': apiKey },
      timeoutMs: this.config.ZESA_TIMEOUT_MS,
    });
    return zesaOutcome(request.reference, answer, 'lookup');
  }
}
