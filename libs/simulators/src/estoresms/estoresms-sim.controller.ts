import { Body, Controller, Get, HttpCode, HttpException, Param, Post, Query } from '@nestjs/common';
import { ESTORESMS_STATUSES, type EstoresmsStatus } from '@airtime/upstreams';
import { EstoresmsSimService, type SentEstoresmsCallback } from './estoresms-sim.service.js';

/** For tests and people, not part of eStoreSMS's API: what the simulator sent, and statuses set by hand. */
@Controller('estoresms/sim')
export class EstoresmsSimController {
  constructor(private readonly estoresms: EstoresmsSimService) {}

  /** Callbacks sent, newest first, optionally for one transaction. */
  @Get('callbacks')
  callbacksSent(@Query('transaction_id') transactionId?: string): SentEstoresmsCallback[] {
    return this.estoresms.callbacks.list({ transaction_id: typeof transactionId === 'string' && transactionId !== '' ? transactionId : undefined });
  }

  /**
   * Moves a transaction to any of the document's statuses (e.g. `Reversed` after it was approved), as
   * eStoreSMS would, callback included; answers its api_query record's status.
   */
  @Post('transactions/:transaction_id/status')
  @HttpCode(200)
  async setStatus(@Param('transaction_id') transactionId: string, @Body() body: { status?: unknown }): Promise<{ transaction_id: string; status: EstoresmsStatus }> {
    const transaction = this.estoresms.get(transactionId);
    if (!transaction) throw new HttpException({ message: `No transaction ${transactionId}` }, 404);
    const status = body?.status;
    if (typeof status !== 'string' || !(ESTORESMS_STATUSES as readonly string[]).includes(status)) {
      throw new HttpException({ message: `status must be one of ${ESTORESMS_STATUSES.join(', ')}` }, 400);
    }
    await this.estoresms.changeStatus(transaction, status as EstoresmsStatus);
    return { transaction_id: transaction.transaction_id, status: transaction.status };
  }
}
