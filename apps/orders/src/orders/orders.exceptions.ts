import { PlatformError } from '@airtime/platform';

/** Every error an order answers with, so the codes a client of orders can be told are read in one place. */

export const orderNotFoundByAgentReference = (agentReference: string) =>
  new PlatformError('ORDER_NOT_FOUND', `No order with agent_reference ${agentReference}`);

export const orderNotFoundByDispatchReference = (reference: string) =>
  new PlatformError('ORDER_NOT_FOUND', `No order with reference ${reference}`);

export const referenceReused = (agentReference: string) =>
  new PlatformError('REFERENCE_REUSED', `agent_reference ${agentReference} was already used for a different order`, {
    fields: { agent_reference: ['agent_reference was already used for a different order'] },
  });

export const orderVanished = () => new PlatformError('INTERNAL', 'Order vanished');

export const invalidTarget = (message: string) => new PlatformError('INVALID_TARGET', message, { fields: { target: [message] } });

export const amountOutOfRange = (message: string) => new PlatformError('AMOUNT_OUT_OF_RANGE', message, { fields: { amount: [message] } });

/** wallet's answers that refuse a debit for good: the order is rejected, never retried. */
export const REFUSED_DEBITS: ReadonlySet<string> = new Set(['INSUFFICIENT_FUNDS', 'WALLET_NOT_FOUND', 'UNSUPPORTED_CURRENCY', 'AMOUNT_TOO_LARGE']);

/** The refusals 000 answers a recharge with (422), nothing dispatched; other rejections are shown on the order. */
export const debitRefused = (code: 'INSUFFICIENT_FUNDS' | 'WALLET_NOT_FOUND', message: string | null) =>
  new PlatformError(code, message ?? (code === 'INSUFFICIENT_FUNDS' ? 'Insufficient funds' : 'Wallet not found'));
