import { randomUUID } from 'node:crypto';
import { type PageWebhookDeliveriesRequest, Rpc, type WebhookDeliveryPageView } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { seedDelivery, seedEndpoint, startNotificationsService } from '../../../testing/start-notifications-service.js';
import { PageDeliveriesCommand } from './page-deliveries.command.js';
import { PageDeliveriesUseCase } from './page-deliveries.use-case.js';

const notifications = forEachFile(() => startNotificationsService());

const page = (request: Partial<PageWebhookDeliveriesRequest> & { account_id: string }) =>
  notifications.app.get(PageDeliveriesUseCase).execute(new PageDeliveriesCommand({ request: { mode: 'live', ...request } }));
const ids = (found: WebhookDeliveryPageView) => found.edges.map((e) => e.node.id);

describe('paging webhook deliveries', () => {
  it("pages an account's deliveries newest first to the end and back, with their attempts, and no one else's", async () => {
    const accountId = randomUUID();
    const endpoint = await seedEndpoint(notifications, accountId);
    const made = [];
    for (const [status, attempts] of [['delivered', 1], ['dead', 3], ['pending', 0], ['cancelled', 2], ['delivered', 2]] as const) {
      made.push(await seedDelivery(notifications, endpoint, status, attempts));
    }
    await seedDelivery(notifications, await seedEndpoint(notifications, randomUUID()), 'dead', 1);
    await seedDelivery(notifications, await seedEndpoint(notifications, accountId, 'test'), 'dead', 1);
    const [d1, d2, d3, d4, d5] = made.map((d) => d.id);

    const first = await page({ account_id: accountId, limit: 2 });
    expect(ids(first)).toEqual([d5, d4]);
    expect(first.edges.map((e) => e.cursor)).toEqual([made[4]?.seq, made[3]?.seq]);
    expect(first).toMatchObject({ has_next_page: true, has_previous_page: false });
    const second = await page({ account_id: accountId, limit: 2, after: first.edges[1]?.cursor });
    expect(ids(second)).toEqual([d3, d2]);
    expect(second.edges[1]?.node.attempts).toEqual([1, 2, 3].map((attempt) => ({ attempt, status_code: 500, error: null, duration_ms: 10 * attempt, at: expect.any(String) })));
    expect(second.edges[0]?.node).toMatchObject({ status: 'pending', attempts: [], next_attempt_at: expect.any(String) });
    const last = await page({ account_id: accountId, limit: 2, after: second.edges[1]?.cursor });
    expect(ids(last)).toEqual([d1]);
    expect(last).toMatchObject({ has_next_page: false, has_previous_page: true });

    expect(await page({ account_id: accountId, limit: 2, before: last.edges[0]?.cursor })).toEqual(second);
    expect(ids(await page({ account_id: accountId, limit: 2, before: second.edges[0]?.cursor }))).toEqual([d5, d4]);
    expect(ids(await page({ account_id: accountId, mode: 'test' }))).toHaveLength(1);
  });

  it('shows each delivery as the REST listing does, and filters the same way', async () => {
    const accountId = randomUUID();
    const [one, other] = [await seedEndpoint(notifications, accountId), await seedEndpoint(notifications, accountId)];
    const dead = await seedDelivery(notifications, one, 'dead', 2);
    await seedDelivery(notifications, one, 'delivered', 1);
    const elsewhere = await seedDelivery(notifications, other, 'dead', 1);

    const listed = await notifications.rpc.request(Rpc.notifications.listDeliveries, { account_id: accountId, mode: 'live' });
    const paged = await page({ account_id: accountId });
    expect(paged.edges.map((e) => e.node)).toEqual(listed);
    expect(ids(await page({ account_id: accountId, status: 'dead' })).sort()).toEqual([dead.id, elsewhere.id].sort());
    expect(ids(await page({ account_id: accountId, endpoint_id: one, status: 'dead' }))).toEqual([dead.id]);
    expect(await notifications.rpc.request(Rpc.notifications.listDeliveries, { account_id: accountId, mode: 'live', endpoint_id: one, status: 'dead' }))
      .toEqual([expect.objectContaining({ id: dead.id, attempts: [expect.objectContaining({ attempt: 1 }), expect.objectContaining({ attempt: 2 })] })]);
  });

  it('refuses a cursor it did not give out, an unknown status and a page too large, over NATS', async () => {
    const refused = await failureOf(notifications.rpc.request(Rpc.notifications.pageDeliveries, { account_id: randomUUID(), mode: 'live', after: randomUUID(), status: 'lost', limit: 201 } as unknown as PageWebhookDeliveriesRequest));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(refused.details?.['fields'] as object).sort()).toEqual(['after', 'limit', 'status']);
  });
});
