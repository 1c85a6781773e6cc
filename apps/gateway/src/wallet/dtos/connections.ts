import { ConnectionType } from '../../graph/connection.js';
import { LedgerEntryModel } from './ledger-entry.model.js';
import { TopUpModel } from './top-up.model.js';
import { WalletModel } from './wallet.model.js';

export const WalletConnection = ConnectionType(WalletModel, 'Wallet');
export const LedgerEntryConnection = ConnectionType(LedgerEntryModel, 'LedgerEntry');
export const TopUpConnection = ConnectionType(TopUpModel, 'TopUp');
