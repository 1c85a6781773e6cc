import { Injectable } from '@nestjs/common';
import type { TransferView } from '@airtime/contracts';
import { WalletConfig } from '../../../config/wallet.config.js';
import { KeyAlreadyUsed } from '../../ledger.exceptions.js';
import { LedgerStore } from '../../ledger-store.js';
import { requestHash } from '../../request-hash.js';
import { transferAmount } from '../../transfer-amount.js';
import { CreditWalletCommand } from './credit-wallet.command.js';

/**
 * Adds money to a wallet (made on its first credit), once per key, against the provider's funding
 * account for a top-up or the operators' adjustments account for an adjustment.
 */
@Injectable()
export class CreditWalletUseCase {
  constructor(
    private readonly store: LedgerStore,
    private readonly config: WalletConfig,
  ) {}

  async execute({ request }: CreditWalletCommand): Promise<TransferView> {
    const amount = transferAmount(this.config, request.currency, request.amount_minor);
    const hash = requestHash(request);
    const counter =
      request.kind === 'topup'
        ? await this.store.platformAccount('funding', request.source as string, request.currency, request.mode)
        : await this.store.platformAccount('adjustments', 'operator', request.currency, request.mode);
    await this.store.ensureWallet(request.account_id, request.currency, request.mode);
    const credit = await this.store.creditOnce({
      key: request.idempotency_key, hash, kind: request.kind, owner: request.account_id, mode: request.mode,
      currency: request.currency, amount, reason: request.reason, actor: request.actor,
      description: request.description ?? (request.kind === 'topup' ? `Top-up via ${request.source}` : request.reason),
    }, counter);
    if (!credit) throw new KeyAlreadyUsed();
    return credit;
  }
}
