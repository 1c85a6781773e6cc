import { Injectable } from '@nestjs/common';
import { type PesepayPaymentView, Rpc, type TopUpView } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { WalletConfig } from '../../../config/wallet.config.js';
import { transferAmount } from '../../../ledger/transfer-amount.js';
import { generateTopUpReference } from '../../top-up-reference.js';
import { toTopUpView } from '../../top-up-row.js';
import { TopUpStore } from '../../top-up-store.js';
import { CreateTopUpCommand } from './create-top-up.command.js';

/**
 * Starts a Pesepay payment into a wallet. The top-up row is written before Pesepay is called, so a
 * payment can always be matched to it; the tenant pays at the redirect URL Pesepay gives.
 */
@Injectable()
export class CreateTopUpUseCase {
  constructor(
    private readonly store: TopUpStore,
    private readonly config: WalletConfig,
    private readonly rpc: RpcClient,
  ) {}

  async execute({ request }: CreateTopUpCommand): Promise<TopUpView> {
    transferAmount(this.config, request.currency, request.amount_minor);
    const reference = generateTopUpReference();
    const topUp = await this.store.insert({
      reference, accountId: request.account_id, mode: request.mode, currency: request.currency, amountMinor: request.amount_minor,
      ttlSeconds: this.config.TOPUP_TTL_SECONDS,
    });
    let payment: PesepayPaymentView;
    try {
      payment = await this.rpc.request(Rpc.providerAdapters.pesepayInitiate, {
        merchant_reference: reference,
        mode: request.mode,
        currency: request.currency,
        amount_minor: request.amount_minor,
        reason: `Airtime wallet top-up ${reference}`,
        result_url: new URL('/callbacks/pesepay', this.config.PUBLIC_BASE_URL).toString(),
        return_url: new URL(`/callbacks/pesepay/return?reference=${reference}`, this.config.PUBLIC_BASE_URL).toString(),
      }, this.config.TOPUP_INITIATE_TIMEOUT_MS);
    } catch (error) {
      await this.store.markFailedToInitiate(topUp.id);
      throw error;
    }
    return toTopUpView(await this.store.markPending(topUp.id, payment));
  }
}
