import { randomUUID } from 'node:crypto';
import { seedOrder, startOrdersService } from '../../../testing/start-orders-service.js';
import { GetOrderCommand } from './get-order.command.js';
import { GetOrderUseCase } from './get-order.use-case.js';
import { forEachFile, failureOf } from '@airtime/platform/testing';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());
const getOrder = () => orders.app.get(GetOrderUseCase);

const get = (accountId: string, agentReference: string, waitMs = 0, mode: 'live' | 'test' = 'live') =>
  getOrder().execute(new GetOrderCommand({ accountId, mode, agentReference, waitMs }));

describe('getting an order', () => {
  it("finds the account's order by agent_reference, and no one else's", async () => {
    const order = await seedOrder(orders, 'success');

    expect(await get(order.account_id, order.agent_reference)).toMatchObject({ id: order.id, status: 'success', amount: '2.00' });
    expect(await failureOf(get(randomUUID(), order.agent_reference))).toMatchObject({ code: 'ORDER_NOT_FOUND', message: `No order with agent_reference ${order.agent_reference}` });
    expect((await failureOf(get(order.account_id, order.agent_reference, 0, 'test'))).code).toBe('ORDER_NOT_FOUND');
  });

  it('waits for a pending order to rest when asked to, and answers pending when it does not in time', async () => {
    const moving = await seedOrder(orders, 'dispatching');
    const stuck = await seedOrder(orders, 'dispatching');
    setTimeout(() => void orders.db.query(`UPDATE orders SET status = 'success' WHERE id = $1`, [moving.id]), 300);

    expect((await get(moving.account_id, moving.agent_reference, 3000)).status).toBe('success');
    expect((await get(stuck.account_id, stuck.agent_reference, 300)).status).toBe('pending');
  });

  it('shows a refused order as failed at once, and answers its refusal when waited for', async () => {
    const rejected = await seedOrder(orders, 'rejected', { changes: { error_code: 'WALLET_NOT_FOUND', message: null } });

    expect(await get(rejected.account_id, rejected.agent_reference)).toMatchObject({ status: 'failed', error_code: 'WALLET_NOT_FOUND' });
    expect(await failureOf(get(rejected.account_id, rejected.agent_reference, 1000))).toMatchObject({ code: 'WALLET_NOT_FOUND', message: 'Wallet not found' });
  });
});
