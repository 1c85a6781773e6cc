import { Module } from '@nestjs/common';
import { PesepayCallbackController } from './pesepay-callback.controller.js';
import { WalletController } from './wallet.controller.js';
import { AccountWalletResolver, LedgerEntryResolver, WalletResolver } from './wallet.resolver.js';

@Module({ controllers: [WalletController, PesepayCallbackController], providers: [WalletResolver, AccountWalletResolver, LedgerEntryResolver] })
export class WalletModule {}
