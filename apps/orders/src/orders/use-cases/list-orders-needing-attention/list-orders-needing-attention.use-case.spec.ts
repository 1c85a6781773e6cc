import { seedOrder, startOrdersService } from '../../../testing/start-orders-service.js';
import { ListOrdersNeedingAttentionCommand } from './list-orders-needing-attention.command.js';
import { ListOrdersNeedingAttentionUseCase } from './list-orders-needing-attention.use-case.js';
import { forEachFile } from '@airtime/platform/testing';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());

const attention = (limit: number) => orders.app.get(ListOrdersNeedingAttentionUseCase).execute(new ListOrdersNeedingAttentionCommand({ limit }));

describe('orders needing attention', () => {
  it('are the flagged orders still unknown, oldest first, up to the limit', async () => {
    const older = await seedOrder(orders, 'unknown', { ageSeconds: 3000, changes: { needs_attention: true } });
    const newer = await seedOrder(orders, 'unknown', { ageSeconds: 2000, changes: { needs_attention: true } });
    await seedOrder(orders, 'unknown', { ageSeconds: 4000 });
    await seedOrder(orders, 'success', { ageSeconds: 5000, changes: { needs_attention: true } });

    expect((await attention(100)).map((o) => [o.id, o.needs_attention])).toEqual([[older.id, true], [newer.id, true]]);
    expect((await attention(1)).map((o) => o.id)).toEqual([older.id]);
  });
});
