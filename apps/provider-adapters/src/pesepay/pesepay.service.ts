import { Injectable, Logger } from '@nestjs/common';
import {
  API_KEY_MODES,
  type ApiKeyMode,
  type CheckPesepayPaymentRequest,
  type DecodePesepayCallbackRequest,
  type InitiatePesepayPaymentRequest,
  type PesepayPaymentView,
} from '@airtime/contracts';
import { decryptPesepayPayload, encryptPesepayPayload, type PesepayEncryptedBody, type PesepayPaymentRequest } from '@airtime/upstreams';
import { ProviderAdaptersConfig } from '../config/provider-adapters.config.js';
import { upstreamHttp } from '../recharge/upstream-http.js';
import { toPesepayAmount } from './pesepay-amount.js';
import type { PesepayEndpoint } from './pesepay-endpoint.js';
import { isKnownPesepayStatus } from './pesepay-status.js';
import { readPesepayTransaction } from './read-pesepay-transaction.js';
import { pesepayAnsweredAnotherPayment, pesepayCallFailed, undecryptableCallback, unusablePesepayAnswer } from './pesepay.exceptions.js';

/**
 * Pesepay's merchant API (payments engine v1) for top-ups. Test keys always go to the sandbox URL.
 * Keys and payloads are never logged: a payload is a payment, and a key is the merchant's money.
 */
@Injectable()
export class PesepayService {
  private readonly logger = new Logger(PesepayService.name);

  constructor(private readonly config: ProviderAdaptersConfig) {}

  async initiate(request: InitiatePesepayPaymentRequest): Promise<PesepayPaymentView> {
    const endpoint = this.config.pesepay(request.mode);
    const body: PesepayPaymentRequest = {
      amountDetails: { amount: toPesepayAmount(request.amount_minor, request.currency), currencyCode: request.currency },
      reasonForPayment: request.reason,
      resultUrl: request.result_url,
      returnUrl: request.return_url,
      merchantReference: request.merchant_reference,
    };
    const answer = await this.call(endpoint, 'initiate', 'POST', 'v1/payments/initiate', body);
    const payment = this.read(answer, endpoint.mode, "Pesepay's answer to initiate");
    if (!payment.redirect_url) throw unusablePesepayAnswer("Pesepay's answer to initiate", 'no redirectUrl');
    this.record('initiate', payment);
    return payment;
  }

  async check(request: CheckPesepayPaymentRequest): Promise<PesepayPaymentView> {
    const endpoint = this.config.pesepay(request.mode);
    const path = `v1/payments/check-payment?referenceNumber=${encodeURIComponent(request.pesepay_reference)}`;
    const answer = await this.call(endpoint, 'check-payment', 'GET', path);
    const payment = this.read(answer, endpoint.mode, "Pesepay's answer to check-payment");
    if (payment.pesepay_reference !== request.pesepay_reference) {
      throw pesepayAnsweredAnotherPayment(request.pesepay_reference);
    }
    this.record('check-payment', payment);
    return payment;
  }

  /**
   * A result callback as it reached the gateway. Only Pesepay (or the sandbox) holds our keys, so a
   * payload that decrypts to a transaction under one of them is Pesepay's; the key that worked names
   * the mode. Where both modes share a key, it reads as live. The wallet still asks check-payment
   * before it credits anything.
   */
  decodeCallback(request: DecodePesepayCallbackRequest): PesepayPaymentView {
    for (const mode of API_KEY_MODES) {
      const transaction = decryptPesepayPayload(request.payload, this.config.pesepay(mode).encryptionKey);
      if (typeof (transaction as { referenceNumber?: unknown } | null)?.referenceNumber === 'string') {
        const payment = this.read(transaction, mode, "Pesepay's result callback");
        this.record('callback', payment);
        return payment;
      }
    }
    this.logger.warn('Pesepay callback refused: it does not decrypt to a transaction under our keys');
    throw undecryptableCallback();
  }

  /** One call: the decrypted answer, or the PlatformError saying why there is none. */
  private async call(endpoint: PesepayEndpoint, operation: string, method: 'GET' | 'POST', path: string, body?: PesepayPaymentRequest): Promise<unknown> {
    const timeoutMs = this.config.PESEPAY_TIMEOUT_MS;
    const answer = await upstreamHttp(`${endpoint.baseUrl.replace(/\/+$/, '')}/${path}`, {
      method,
      headers: {
        authorization: endpoint.integrationKey,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify({ payload: encryptPesepayPayload(body, endpoint.encryptionKey) } satisfies PesepayEncryptedBody) : undefined,
      timeoutMs,
    });
    const failure = (code: 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_ERROR', message: string) => {
      this.logger.warn({ msg: 'Pesepay call failed', operation, mode: endpoint.mode, code, reason: message });
      return pesepayCallFailed(code, message);
    };
    if (answer.kind === 'timeout') throw failure('UPSTREAM_UNAVAILABLE', `Pesepay did not answer ${operation} within ${timeoutMs} ms`);
    if (answer.kind === 'unreachable') throw failure('UPSTREAM_UNAVAILABLE', `Pesepay could not be reached for ${operation}: ${answer.message}`);
    if (answer.status >= 500) throw failure('UPSTREAM_UNAVAILABLE', `Pesepay answered ${operation} with HTTP ${answer.status}`);
    if (answer.status >= 400) {
      const message = (answer.json as { message?: unknown } | undefined)?.message;
      const said = typeof message === 'string' && message !== '' ? `: ${message.slice(0, 200)}` : '';
      throw failure('UPSTREAM_ERROR', `Pesepay refused ${operation} with HTTP ${answer.status}${said}`);
    }
    if (answer.status < 200 || answer.status >= 300) throw failure('UPSTREAM_ERROR', `Pesepay answered ${operation} with HTTP ${answer.status}`);
    const payload = (answer.json as { payload?: unknown } | undefined)?.payload;
    if (typeof payload !== 'string') throw failure('UPSTREAM_ERROR', `Pesepay's answer to ${operation} is not an encrypted payload`);
    const decrypted = decryptPesepayPayload(payload, endpoint.encryptionKey);
    if (decrypted === undefined) throw failure('UPSTREAM_ERROR', `Pesepay's answer to ${operation} does not decrypt under our key`);
    return decrypted;
  }

  /** The transaction as our view; what made it unusable is logged here, as it is not the caller's fault. */
  private read(transaction: unknown, mode: ApiKeyMode, source: string): PesepayPaymentView {
    try {
      return readPesepayTransaction(transaction, mode, source);
    } catch (error) {
      this.logger.warn({ msg: 'Pesepay transaction unusable', mode, reason: (error as Error).message });
      throw error;
    }
  }

  private record(operation: string, payment: PesepayPaymentView): void {
    if (!isKnownPesepayStatus(payment.upstream_status)) {
      this.logger.warn(`Pesepay reported unknown transactionStatus ${payment.upstream_status} for ${payment.pesepay_reference}; treated as pending`);
    }
    this.logger.log({
      msg: `Pesepay ${operation}`,
      mode: payment.mode,
      pesepay_reference: payment.pesepay_reference,
      merchant_reference: payment.merchant_reference,
      upstream_status: payment.upstream_status,
      status: payment.status,
    });
  }
}
