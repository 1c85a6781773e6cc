import { randomUUID } from 'node:crypto';
import { type ListTopUpsRequest, Rpc, type TopUpPageView } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { seedTopUp, startWalletWithPesepay } from '../../../testing/fake-pesepay-peer.js';
import { ListTopUpsCommand } from './list-top-ups.command.js';
import { ListTopUpsUseCase } from './list-top-ups.use-case.js';

const wallet = forEachFile(startWalletWithPesepay, (w) => w.pesepay.reset());

const list = (request: Partial<ListTopUpsRequest> & { account_id: string }) =>
  wallet.app.get(ListTopUpsUseCase).execute(new ListTopUpsCommand({ request: { mode: 'live', ...request } }));
const references = (page: TopUpPageView) => page.edges.map((e) => e.node.reference);

describe('listing top-ups', () => {
  it("pages an account's top-ups newest first to the end, and back with before to the same pages, and no one else's", async () => {
    const accountId = randomUUID();
    const made = [];
    for (const status of ['pending', 'failed', 'expired', 'pending', 'cancelled'] as const) made.push(await seedTopUp(wallet, status, { accountId }));
    await seedTopUp(wallet, 'pending');
    await seedTopUp(wallet, 'pending', { accountId, mode: 'test' });
    const [t1, t2, t3, t4, t5] = made.map((t) => t.reference);

    const first = await list({ account_id: accountId, limit: 2 });
    expect(references(first)).toEqual([t5, t4]);
    expect(first.edges.map((e) => e.cursor)).toEqual([made[4]?.seq, made[3]?.seq]);
    expect(first.edges[1]?.node).toMatchObject({ status: 'pending', mode: 'live', currency: 'USD', amount: '5.00' });
    expect(first).toMatchObject({ has_next_page: true, has_previous_page: false });
    const second = await list({ account_id: accountId, limit: 2, after: first.edges[1]?.cursor });
    expect(references(second)).toEqual([t3, t2]);
    const last = await list({ account_id: accountId, limit: 2, after: second.edges[1]?.cursor });
    expect(references(last)).toEqual([t1]);
    expect(last).toMatchObject({ has_next_page: false, has_previous_page: true });

    expect(await list({ account_id: accountId, limit: 2, before: last.edges[0]?.cursor })).toEqual(second);
    const start = await list({ account_id: accountId, limit: 2, before: second.edges[0]?.cursor });
    expect(references(start)).toEqual([t5, t4]);
    expect(start).toMatchObject({ has_next_page: true, has_previous_page: false });
    expect(references(await list({ account_id: accountId, mode: 'test' }))).toHaveLength(1);
    // A list shows each as it stands: Pesepay is not asked about the pending ones.
    expect(wallet.pesepay.to(Rpc.providerAdapters.pesepayCheck)).toHaveLength(0);
  });

  it('filters by status and by currency', async () => {
    const accountId = randomUUID();
    const pending = await seedTopUp(wallet, 'pending', { accountId });
    const zwg = await seedTopUp(wallet, 'failed', { accountId, currency: 'ZWG' });

    expect(references(await list({ account_id: accountId, status: 'pending' }))).toEqual([pending.reference]);
    expect(references(await list({ account_id: accountId, currency: 'ZWG' }))).toEqual([zwg.reference]);
    expect(references(await list({ account_id: accountId, status: 'paid' }))).toEqual([]);
  });

  it('refuses a cursor it did not give out, an unknown status and a page too large, over NATS', async () => {
    const refused = await failureOf(wallet.rpc.request(Rpc.wallet.listTopUps, { account_id: randomUUID(), mode: 'live', before: 'TOP-1', status: 'lost', limit: 500 } as unknown as ListTopUpsRequest));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(refused.details?.['fields'] as object).sort()).toEqual(['before', 'limit', 'status']);
  });
});
