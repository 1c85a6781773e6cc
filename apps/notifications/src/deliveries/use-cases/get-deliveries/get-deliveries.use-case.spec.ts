import { randomUUID } from 'node:crypto';
import { Rpc } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { seedDelivery, seedEndpoint, startNotificationsService } from '../../../testing/start-notifications-service.js';

const notifications = forEachFile(() => startNotificationsService());

describe('webhook deliveries by id', () => {
  it("answers the account's own deliveries in the mode asked, with their attempts, and leaves out the rest", async () => {
    const accountId = randomUUID();
    const mine = await seedDelivery(notifications, await seedEndpoint(notifications, accountId), 'dead', 2);
    const otherMode = await seedDelivery(notifications, await seedEndpoint(notifications, accountId, 'test'), 'dead', 1);
    const stranger = await seedDelivery(notifications, await seedEndpoint(notifications, randomUUID()), 'dead', 1);

    const found = await notifications.rpc.request(Rpc.notifications.getDeliveries, { account_id: accountId, mode: 'live', ids: [mine.id, otherMode.id, stranger.id, randomUUID(), mine.id] });
    expect(found.map((d) => d.id)).toEqual([mine.id]);
    expect(found[0]?.attempts.map((a) => a.attempt)).toEqual([1, 2]);
  });

  it('refuses more ids than a page, and ids that are not ids', async () => {
    const tooMany = Array.from({ length: 201 }, () => randomUUID());
    for (const ids of [tooMany, [], ['nope']]) {
      const failure = await failureOf(notifications.rpc.request(Rpc.notifications.getDeliveries, { account_id: randomUUID(), mode: 'live', ids }));
      expect(failure).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
