import { Injectable } from '@nestjs/common';
import { Rpc, type TopUpView } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { TopUpStore } from '../../top-up-store.js';
import { noTopUpForPayment } from '../../top-ups.exceptions.js';
import { SettleTopUpCommand } from '../settle-top-up/settle-top-up.command.js';
import { SettleTopUpUseCase } from '../settle-top-up/settle-top-up.use-case.js';
import { ApplyTopUpCallbackCommand } from './apply-top-up-callback.command.js';

/**
 * A Pesepay result callback: it must decrypt under our key (the adapter checks), name a top-up we
 * started, and then the payment's status is asked of Pesepay itself before anything is credited.
 */
@Injectable()
export class ApplyTopUpCallbackUseCase {
  constructor(
    private readonly store: TopUpStore,
    private readonly settleTopUp: SettleTopUpUseCase,
    private readonly rpc: RpcClient,
  ) {}

  async execute(command: ApplyTopUpCallbackCommand): Promise<TopUpView> {
    const announced = await this.rpc.request(Rpc.providerAdapters.pesepayDecodeCallback, { payload: command.payload });
    const topUp = await this.store.byPaymentReference(announced.pesepay_reference);
    if (!topUp) throw noTopUpForPayment();
    return this.settleTopUp.execute(new SettleTopUpCommand({ topUp }));
  }
}
