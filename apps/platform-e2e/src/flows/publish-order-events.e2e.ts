import { connect } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { e2eState } from '../support/e2e-state.js';
import { fundedShop, placeOrder } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';

describe('order events on JetStream', () => {
  it("publishes every status change on subjects naming the account and the status, for durable consumers", async () => {
    const shop = await fundedShop(await onboardTenant());
    const { subjectPrefix } = e2eState();
    const nc = await connect({ servers: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222' });
    try {
      const placed = await placeOrder(shop.key, { product_id: 100, target: '0772279099', amount: 1 });
      expect(placed.body.status).toBe('success');

      // A consumer that starts after the fact still gets the events: they are durable in the stream.
      const stream = `${subjectPrefix.replace(/[^A-Za-z0-9_-]/g, '_')}ORDERS`;
      const info = await (await jetstreamManager(nc)).consumers.add(stream, {
        ack_policy: AckPolicy.None,
        filter_subject: `${subjectPrefix}orders.events.${shop.tenant.accountId}.>`,
        inactive_threshold: 30e9,
      });
      const consumer = await jetstream(nc).consumers.get(stream, info.name);
      const seen: { subject: string; status: string; id: string; order: string }[] = [];
      const deadline = Date.now() + 10_000;
      while (seen.length < 2 && Date.now() < deadline) {
        const message = await consumer.next({ expires: 1000 });
        if (!message) continue;
        const event = message.json<{ id: string; type: string; order: { id: string; status: string } }>();
        seen.push({ subject: message.subject, status: event.order.status, id: event.id, order: event.order.id });
      }
      expect(seen.map((e) => e.status)).toEqual(['pending', 'success']);
      expect(seen[1]?.subject).toBe(`${subjectPrefix}orders.events.${shop.tenant.accountId}.success`);
      expect(new Set(seen.map((e) => e.order))).toEqual(new Set([placed.body.id]));
      expect(new Set(seen.map((e) => e.id)).size).toBe(2);
    } finally {
      await nc.close();
    }
  });
});
