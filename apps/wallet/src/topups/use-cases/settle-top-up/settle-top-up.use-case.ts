import { Injectable, Logger } from '@nestjs/common';
import { Rpc, type TopUpStatus, type TopUpView } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { WalletEventsPublisher } from '../../../events/wallet-events.publisher.js';
import { CreditWalletCommand } from '../../../ledger/use-cases/credit-wallet/credit-wallet.command.js';
import { CreditWalletUseCase } from '../../../ledger/use-cases/credit-wallet/credit-wallet.use-case.js';
import { OPEN, type TopUpRow, toTopUpView } from '../../top-up-row.js';
import { TopUpStore } from '../../top-up-store.js';
import { SettleTopUpCommand } from './settle-top-up.command.js';

/**
 * Asks Pesepay itself what became of a top-up's payment (never a callback's word) and acts on it:
 * paid credits the wallet, keyed by the top-up, so a callback, a duplicate callback and a status poll
 * racing each other credit it exactly once; failed or cancelled closes it; anything else leaves it.
 */
@Injectable()
export class SettleTopUpUseCase {
  private readonly logger = new Logger(SettleTopUpUseCase.name);

  constructor(
    private readonly store: TopUpStore,
    private readonly creditWallet: CreditWalletUseCase,
    private readonly rpc: RpcClient,
    private readonly events: WalletEventsPublisher,
  ) {}

  async execute({ topUp }: SettleTopUpCommand): Promise<TopUpView> {
    // Without Pesepay's reference the payment page was never made: there is nothing to ask about.
    if (!topUp.provider_reference) return toTopUpView(topUp);
    const payment = await this.rpc.request(Rpc.providerAdapters.pesepayCheck, {
      pesepay_reference: topUp.provider_reference,
      mode: topUp.mode,
    });
    if (payment.status === 'paid') {
      if (payment.currency !== topUp.currency || payment.amount_minor !== String(topUp.amount)) {
        this.logger.error(`top-up ${topUp.reference}: Pesepay reports ${payment.amount_minor} ${payment.currency}, expected ${topUp.amount} ${topUp.currency}; not credited`);
        return toTopUpView(topUp);
      }
      // Paid is paid, even after we gave up waiting: an expired top-up is still credited.
      const credit = await this.creditWallet.execute(new CreditWalletCommand({
        request: {
          idempotency_key: `topup:${topUp.id}`,
          account_id: topUp.owner_account_id,
          mode: topUp.mode,
          currency: topUp.currency,
          amount_minor: String(topUp.amount),
          kind: 'topup',
          source: topUp.provider,
          description: `Top-up ${topUp.reference} via Pesepay`,
        },
      }));
      return this.setStatus(topUp, 'paid', payment.upstream_status, credit.id, [...OPEN, 'expired']);
    }
    if (payment.status === 'failed' || payment.status === 'cancelled') {
      return this.setStatus(topUp, payment.status, payment.upstream_status, null, OPEN);
    }
    return toTopUpView(topUp);
  }

  /** Closes the top-up if it is still in `from`; a repeat changes nothing and answers it as it stands. */
  async setStatus(topUp: TopUpRow, status: TopUpStatus, upstream: string | null, creditId: string | null, from: TopUpStatus[]): Promise<TopUpView> {
    const view = await this.store.settle(topUp.id, status, upstream, creditId, from);
    if (view) {
      this.events.nudge();
      return view;
    }
    return toTopUpView((await this.store.byId(topUp.id)) as TopUpRow);
  }
}
