import { failureOf, forEachFile } from '@airtime/platform/testing';
import { startOrdersService } from '../../../testing/start-orders-service.js';
import { createCampaign } from '../../testing.js';

const orders = forEachFile(() => startOrdersService());

describe('creating a campaign', () => {
  it('answers the campaign with its secret once, and keeps the secret sealed', async () => {
    const campaign = await createCampaign(orders, { name: 'Staff survey', budget: 500, ends_at: new Date(Date.now() + 86_400_000).toISOString() });

    expect(campaign).toMatchObject({
      name: 'Staff survey', mode: 'live', status: 'active', product_id: 100, currency: 'USD', amount: '2.00', min_amount: null, max_amount: null,
      budget: '500.00', budget_minor: '50000', spent: '0.00', in_flight: '0.00', remaining: '500.00', payout_counts: {}, one_per_phone: true,
    });
    expect(campaign.secret).toMatch(/^cps_[A-Za-z0-9_-]{43}$/);
    const [row] = await orders.db.query(`SELECT secret_sealed FROM campaigns WHERE id = $1`, [campaign.id]);
    expect(row.secret_sealed).toMatch(/^v1\./);
    expect(row.secret_sealed).not.toContain(campaign.secret.slice(4));
  });

  it('takes a range instead of a fixed amount, and one_per_phone may be turned off', async () => {
    const campaign = await createCampaign(orders, { amount: undefined, min_amount: '0.5', max_amount: 5, one_per_phone: false });
    expect(campaign).toMatchObject({ amount: null, min_amount: '0.50', max_amount: '5.00', one_per_phone: false });
  });

  it('refuses amounts the product cannot pay, both or neither of amount and range, a past end and a budget below one payout', async () => {
    const before = Number((await orders.db.query(`SELECT count(*) AS n FROM campaigns`))[0].n);
    expect((await failureOf(createCampaign(orders, { amount: '100.01' }))).code).toBe('AMOUNT_OUT_OF_RANGE');
    expect((await failureOf(createCampaign(orders, { product_id: 999 }))).code).toBe('PRODUCT_NOT_FOUND');
    expect(await failureOf(createCampaign(orders, { min_amount: '1', max_amount: '2' }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { amount: expect.any(Array) } } });
    expect(await failureOf(createCampaign(orders, { amount: undefined }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await failureOf(createCampaign(orders, { amount: undefined, min_amount: '3', max_amount: '2' }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { min_amount: expect.any(Array) } } });
    expect(await failureOf(createCampaign(orders, { ends_at: '2020-01-01T00:00:00Z' }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { ends_at: expect.any(Array) } } });
    expect(await failureOf(createCampaign(orders, { budget: '1' }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { budget: expect.any(Array) } } });
    expect(Number((await orders.db.query(`SELECT count(*) AS n FROM campaigns`))[0].n)).toBe(before);
  });
});
