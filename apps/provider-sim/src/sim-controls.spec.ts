import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@airtime/platform';
import { AppModule } from './app.module.js';
import { ProviderSimConfig } from './config/provider-sim.config.js';

async function simulator(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(AppModule.register(loadConfig(ProviderSimConfig, env)), { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

const put = (url: string, body: unknown) => fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe("the simulators' control routes", () => {
  it('are served in development and tests, one set of overrides per simulator', async () => {
    const { app, url } = await simulator({ NODE_ENV: 'test' });
    try {
      for (const prefix of ['estoresms', 'africastalking', 'omega', 'tuti']) {
        expect((await put(`${url}/${prefix}/sim/behaviours/2348030000123`, { behaviour: 'insufficient-balance' })).status).toBe(200);
        expect((await fetch(`${url}/${prefix}/sim/behaviours/2348030000123`, { method: 'DELETE' })).status).toBe(204);
      }
      expect((await put(`${url}/estoresms/sim/balance`, { naira: '1000.00' })).status).toBe(200);

      // What each simulator did with a reference: a test's own record of delivery.
      expect((await fetch(`${url}/estoresms/sim/transactions?ref=nothing-sent`)).status).toBe(404);
      expect((await fetch(`${url}/africastalking/sim/sends/nothing-sent`)).status).toBe(404);
      const sent = await fetch(`${url}/africastalking/airtime/invoke-send-airtime?phone=2348031234567&amount=100&currency=NGN&idempotencyKey=ref-1`, { headers: { apiKey: 'sim-at-api-key' } });
      expect(sent.status).toBe(200);
      expect(await (await fetch(`${url}/africastalking/sim/sends/ref-1`)).json()).toMatchObject({ phoneNumber: '+2348031234567', status: 'Sent' });
    } finally {
      await app.close();
    }
  });

  it('are not served in production (the default)', async () => {
    const { app, url } = await simulator({});
    try {
      expect((await put(`${url}/estoresms/sim/behaviours/2348030000123`, { behaviour: 'reject' })).status).toBe(404);
      expect((await put(`${url}/africastalking/sim/behaviours/2348030000123`, { behaviour: 'reject' })).status).toBe(404);
      expect((await put(`${url}/estoresms/sim/balance`, { naira: '0' })).status).toBe(404);
      expect((await fetch(`${url}/estoresms/sim/transactions?ref=x`)).status).toBe(404);
      expect((await fetch(`${url}/africastalking/sim/sends/x`)).status).toBe(404);
      // The simulators' own APIs still answer.
      expect((await fetch(`${url}/estoresms/network_list`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
