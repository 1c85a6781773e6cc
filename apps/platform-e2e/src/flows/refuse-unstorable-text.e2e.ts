import { type CreateAccountRequest, Rpc } from '@airtime/contracts';
import { createRpcClient } from '@airtime/platform';
import { balanceOf, fundedShop, reference } from '../support/orders.js';
import { graphql, http, type HttpResult } from '../support/platform-client.js';
import { onPlatform } from '../support/platform-rpc.js';
import { createApiKey, onboardingBody, onboardTenant } from '../support/tenants.js';

/**
 * A NUL reached PostgreSQL, which refused it, and the client got 500 "try again later" for its own
 * mistake. Text is now checked once where it enters (the gateway's pipe for every REST body, path,
 * query, GraphQL argument and callback, and each service's message pipe for direct NATS callers):
 * NUL and other control characters are a 400 naming the field; free text keeps every script.
 */

function refusedNaming(result: HttpResult, field: string): void {
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ status: 'error', code: 'VALIDATION_FAILED', data: { fields: { [field]: [expect.stringContaining('control character U+0000')] } } });
}

describe('text PostgreSQL cannot store is refused where it enters, and changes nothing', () => {
  it('refuses the five requests that answered 500, naming the field, with the wallet and orders unchanged', async () => {
    const tenant = await onboardTenant();
    const shop = await fundedShop(tenant);
    const orders = async () => (await graphql('{ viewer { account { orders(first: 100) { edges { node { id } } } } } }', {}, { apiKey: shop.key })).data.viewer.account.orders.edges.length as number;
    const [balanceBefore, ordersBefore] = [await balanceOf(shop.key), await orders()];

    refusedNaming(await http('GET', '/api/v1/orders/a%00b', { apiKey: shop.key }), 'agentReference');
    refusedNaming(await http('GET', '/api/v1/products?network=a%00b', { apiKey: shop.key }), 'network');
    const onboarding = onboardingBody({ name: 'A\u0000B' });
    refusedNaming(await http('POST', '/api/v1/onboarding/accounts', { body: onboarding }), 'name');
    refusedNaming(await http('POST', '/api/v1/webhooks', { apiKey: shop.key, body: { url: 'https://example.com/a\u0000b', events: ['order.success'] } }), 'url');
    const order = { product_id: 100, target: '0772279099', amount: 1, agent_reference: reference(), custom_sms: 'hi\u0000there' };
    refusedNaming(await http('POST', '/api/v1/orders', { apiKey: shop.key, body: order }), 'custom_sms');

    // The account was not created (its phone is still free) and no money or order moved.
    const retried = await http('POST', '/api/v1/onboarding/accounts', { body: { ...onboarding, name: 'A B' } });
    expect(retried.status).toBe(200);
    expect(await balanceOf(shop.key)).toBe(balanceBefore);
    expect(await orders()).toBe(ordersBefore);
    expect((await http('GET', `/api/v1/orders/${order.agent_reference}`, { apiKey: shop.key })).status).toBe(404);
  });

  it('refuses control characters in identifiers, in GraphQL arguments and in upstream callbacks alike', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    const tabbed = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 100, target: '0772\t279099', amount: 1, agent_reference: reference() } });
    expect(tabbed.status).toBe(400);
    expect(tabbed.body.data.fields.target).toEqual(['target must not contain the control character U+0009']);

    const byArgument = await graphql('query ($ref: String!) { viewer { account { order(agentReference: $ref) { status } } } }', { ref: 'a\u0000b' }, { apiKey: key });
    expect(byArgument.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', details: { fields: { agentReference: [expect.stringContaining('U+0000')] } } } });
    const byInput = await graphql(
      'mutation ($input: SendRechargeInput!) { sendRecharge(input: $input) { order { status } } }',
      { input: { productId: 100, target: '0772279099', amount: '1', agentReference: reference(), customSms: 'a\u001Bb' } },
      { apiKey: key },
    );
    expect(byInput.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', details: { fields: { customSms: [expect.stringContaining('U+001B')] } } } });

    const callback = await http('POST', '/callbacks/tuti', { body: { transactionId: 'T\u00001', status: 'SUCCESS' } });
    refusedNaming(callback, 'transactionId');
    const callbackKey = await http('POST', '/callbacks/estoresms', { body: { ['ref\u0000']: '1' } });
    expect(callbackKey.status).toBe(400);
  });

  it('keeps every printable character of every script in free text, and line breaks in an SMS', async () => {
    const created = await http('POST', '/api/v1/onboarding/accounts', { body: onboardingBody({ name: 'Ṱhandiwe Ñandú 商店 زيمبابوي 👩🏾‍💻', address: '12 Samora Machel Ave\nHarare' }) });
    expect(created.status).toBe(200);
    expect(created.body.data.name).toBe('Ṱhandiwe Ñandú 商店 زيمبابوي 👩🏾‍💻');

    const shop = await fundedShop(await onboardTenant());
    const placed = await http('POST', '/api/v1/orders', {
      apiKey: shop.key,
      body: { product_id: 100, target: '0772279099', amount: 1, agent_reference: reference(), custom_sms: 'Maita basa!\nEnjoy 🎉' },
    });
    expect(placed.status).toBe(200);
  });

  it("refuses NUL in a service's own NATS handlers too, for callers that skip the gateway", async () => {
    const rpc = createRpcClient(process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222', 'e2e-unstorable-text', 10_000);
    try {
      const tenant = await onboardTenant();
      const direct = [
        rpc.request(onPlatform(Rpc.orders.create), {
          account_id: tenant.accountId, mode: 'live', product_id: 100, target: '263772279099', amount: '1', agent_reference: reference(), custom_sms: 'x\u0000',
        }),
        rpc.request(onPlatform(Rpc.identity.createAccount), onboardingBody({ city: 'Harare\u0000' }) as unknown as CreateAccountRequest),
        rpc.request(onPlatform(Rpc.notifications.createEndpoint), { account_id: tenant.accountId, mode: 'live', url: 'https://example.com/\u0000', events: ['order.success'] }),
      ];
      for (const answer of await Promise.allSettled(direct)) {
        expect(answer).toMatchObject({ status: 'rejected', reason: { code: 'VALIDATION_FAILED', details: { fields: expect.any(Object) } } });
        expect(JSON.stringify((answer as PromiseRejectedResult).reason.details)).toContain('U+0000');
      }
    } finally {
      await rpc.close();
    }
  });
});
